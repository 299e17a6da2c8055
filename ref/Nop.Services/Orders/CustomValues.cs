using System.Globalization;
using System.Xml.Linq;

namespace Nop.Services.Orders;

/// <remarks>
/// Behaviour as described in plugin-facts §2.4: stored in Order.CustomValuesXml as
/// &lt;DictionarySerializer&gt;&lt;item&gt;&lt;key/&gt;&lt;value/&gt;&lt;displayToCustomer/&gt;&lt;location/&gt;&lt;createdOn/&gt;&lt;/item&gt;…;
/// the indexer's setter replaces the value with a new, customer-visible one.
/// </remarks>
public partial class CustomValues : List<CustomValue>
{
    public virtual List<CustomValue> GetValuesByDisplayLocation(CustomValueDisplayLocation displayLocation)
    {
        return FindAll(value => value.DisplayLocation == displayLocation);
    }

    public virtual string SerializeToXml()
    {
        if (Count == 0)
            return string.Empty;

        var items = ConvertAll(value => new XElement("item",
            new XElement("key", value.Name),
            new XElement("value", value.Value),
            new XElement("displayToCustomer", value.DisplayToCustomer),
            new XElement("location", (int)value.DisplayLocation),
            new XElement("createdOn", value.CreatedOnUtc?.Ticks ?? 0)));

        return new XElement("DictionarySerializer", items).ToString(SaveOptions.DisableFormatting);
    }

    public virtual void FillByXml(string customValuesXml, bool displayToCustomerOnly = false)
    {
        Clear();

        if (string.IsNullOrWhiteSpace(customValuesXml))
            return;

        XElement root;
        try
        {
            root = XElement.Parse(customValuesXml);
        }
        catch (System.Xml.XmlException)
        {
            return;
        }

        foreach (var item in root.Elements("item"))
        {
            var name = item.Element("key")?.Value;
            if (name is null)
                continue;

            var location = int.TryParse(item.Element("location")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var locationId)
                && Enum.IsDefined(typeof(CustomValueDisplayLocation), locationId)
                ? (CustomValueDisplayLocation)locationId
                : CustomValueDisplayLocation.Payment;
            var displayToCustomer = !bool.TryParse(item.Element("displayToCustomer")?.Value, out var display) || display;
            DateTime? createdOn = long.TryParse(item.Element("createdOn")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks > 0
                ? new DateTime(ticks)
                : null;

            if (displayToCustomerOnly && !displayToCustomer)
                continue;

            Add(new CustomValue(name, item.Element("value")?.Value, location, displayToCustomer, createdOn));
        }
    }

    public virtual bool Remove(string name)
    {
        return TryGetValue(name, out var customValue) && Remove(customValue);
    }

    public virtual bool TryGetValue(string name, out CustomValue customValue)
    {
        customValue = Find(value => value.Name == name);

        return customValue is not null;
    }

    public virtual string this[string name]
    {
        get => Find(value => value.Name == name)?.Value ?? throw new InvalidOperationException($"No custom value named '{name}'.");
        set
        {
            Remove(name);
            Add(new CustomValue(name, value));
        }
    }
}
