using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// One web node of the store: the plugin and nopCommerce's services in their own container, as one process of a web
/// farm has them (its own in-process locker, its own per-request caches), over what the nodes share.
/// </summary>
public sealed class HarnessNode
{
    public HarnessNode(string name, ServiceProvider services, FakeLocker locker)
    {
        Name = name;
        Services = services;
        Locker = locker;
    }

    public string Name { get; }

    public ServiceProvider Services { get; }

    /// <summary>This node's locker (nopCommerce's in-process MemoryCacheLocker: nothing the other nodes see).</summary>
    public FakeLocker Locker { get; }

    public override string ToString() => Name;
}
