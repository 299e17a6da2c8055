namespace Nop.Services.Plugins;

public partial class PluginDescriptorBaseInfo
{
    public virtual string SystemName { get; set; }

    public virtual string Version { get; set; }
}

public partial class PluginDescriptor : PluginDescriptorBaseInfo
{
    public virtual string FriendlyName { get; set; }
}
