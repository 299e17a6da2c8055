using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>nopCommerce's MemoryCacheLocker semantics: a try-lock; false when another holder has it.</summary>
public sealed class FakeLocker : ILocker
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public int Contended;

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        if (!_held.TryAdd(resource, 0))
        {
            Interlocked.Increment(ref Contended);
            return false;
        }

        try
        {
            await action();
            return true;
        }
        finally
        {
            _held.TryRemove(resource, out _);
        }
    }
}
