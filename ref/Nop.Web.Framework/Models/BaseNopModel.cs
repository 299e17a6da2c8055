using System.Xml.Serialization;

namespace Nop.Web.Framework.Models;

public partial record BaseNopModel
{
    public BaseNopModel()
    {
        CustomProperties = new Dictionary<string, string>();
        PostInitialize();
    }

    protected virtual void PostInitialize()
    {
    }

    [XmlIgnore]
    public Dictionary<string, string> CustomProperties { get; set; }
}
