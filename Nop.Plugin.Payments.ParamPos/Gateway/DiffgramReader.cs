using System.Xml.Linq;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Reads the rows of a serialized DataTable (DT_Bilgi of the list operations) from its diffgram, never from the
/// inline schema (ParamPOS.md §7). Each row becomes column name → text; a null column is simply absent.
/// </summary>
public static class DiffgramReader
{
    private const string DIFFGRAM_NAMESPACE = "urn:schemas-microsoft-com:xml-diffgram-v1";

    /// <summary>
    /// Gets the rows of a table from a whole DT_Bilgi element (schema + diffgram).
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRows(XElement dataTable, string tableName)
    {
        return ReadDiffgram(dataTable?.Element(XName.Get("diffgram", DIFFGRAM_NAMESPACE)), tableName);
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadDiffgram(XElement diffgram, string tableName)
    {
        var dataSet = diffgram?.Elements().FirstOrDefault(element => element.Name.LocalName == "NewDataSet")
            ?? diffgram?.Elements().FirstOrDefault();
        if (dataSet is null)
            return [];

        return dataSet.Elements()
            .Where(row => row.Name.LocalName == tableName)
            .Select(row => (IReadOnlyDictionary<string, string>)row.Elements()
                .GroupBy(column => column.Name.LocalName)
                .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal))
            .ToList();
    }
}
