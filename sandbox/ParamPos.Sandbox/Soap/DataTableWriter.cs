using System.Xml.Linq;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// Writes a System.Data.DataTable the way .NET serializes it into an ASMX response: an inline xs:schema followed by a
/// diffgram whose rows are named after the table, numbered Table1…, with msdata:rowOrder; null columns are omitted.
/// </summary>
public static class DataTableWriter
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Msdata = "urn:schemas-microsoft-com:xml-msdata";
    private static readonly XNamespace Diffgr = "urn:schemas-microsoft-com:xml-diffgram-v1";
    private const string GUID_DATA_TYPE = "System.Guid, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";

    /// <summary>A column: its name and XSD type ("xs:string", "xs:int", "xs:long", "xs:decimal"; "guid" for a System.Guid column).</summary>
    public sealed record Column(string Name, string Type);

    public static XElement DtBilgi(string tableName, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var sequence = new XElement(Xs + "sequence", columns.Select(column => column.Type == "guid"
            ? new XElement(Xs + "element", new XAttribute("name", column.Name), new XAttribute(Msdata + "DataType", GUID_DATA_TYPE), new XAttribute("type", "xs:string"), new XAttribute("minOccurs", "0"))
            : new XElement(Xs + "element", new XAttribute("name", column.Name), new XAttribute("type", column.Type), new XAttribute("minOccurs", "0"))));

        var schema = new XElement(Xs + "schema",
            new XAttribute("id", "NewDataSet"),
            new XAttribute("xmlns", ""),
            new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "msdata", Msdata.NamespaceName),
            new XElement(Xs + "element",
                new XAttribute("name", "NewDataSet"),
                new XAttribute(Msdata + "IsDataSet", "true"),
                new XAttribute(Msdata + "MainDataTable", tableName),
                new XAttribute(Msdata + "UseCurrentLocale", "true"),
                new XElement(Xs + "complexType",
                    new XElement(Xs + "choice", new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "unbounded"),
                        new XElement(Xs + "element", new XAttribute("name", tableName),
                            new XElement(Xs + "complexType", sequence))))));

        var index = 0;
        var dataSet = new XElement("NewDataSet", rows.Select(row =>
        {
            index++;
            return new XElement(tableName,
                new XAttribute(Diffgr + "id", tableName + index),
                new XAttribute(Msdata + "rowOrder", index - 1),
                columns.Where(column => row.TryGetValue(column.Name, out var value) && value is not null)
                    .Select(column => new XElement(column.Name, row[column.Name])));
        }));

        var diffgram = new XElement(Diffgr + "diffgram",
            new XAttribute(XNamespace.Xmlns + "msdata", Msdata.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "diffgr", Diffgr.NamespaceName),
            dataSet);

        return new XElement(XNamespace.Get(WsdlSchema.TURKPOS_NAMESPACE) + "DT_Bilgi", schema, diffgram);
    }
}
