using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents the latest check of a store's Turkish day against Param's records: both sides' sums and the differences
/// found (as JSON), one row per store and day (unique), replaced by each new check of that day.
/// </summary>
public class ParamPosReconciliationDay : BaseEntity
{
    public int StoreId { get; set; }

    /// <summary>Gets or sets the Turkish calendar day (the date part; the time is midnight)</summary>
    public DateTime Day { get; set; }

    public DateTime CheckedOnUtc { get; set; }

    /// <summary>Gets or sets why the day could not be checked, or null</summary>
    public string Error { get; set; }

    public int ParamSales { get; set; }
    public decimal ParamGross { get; set; }
    public decimal ParamCommission { get; set; }
    public decimal ParamNet { get; set; }
    public int ParamReversals { get; set; }
    public decimal ParamRefunds { get; set; }
    public int ParamDeclines { get; set; }
    public int StoreSales { get; set; }
    public decimal StoreGross { get; set; }
    public int StoreReversals { get; set; }
    public decimal StoreRefunds { get; set; }
    public int DifferenceCount { get; set; }

    /// <summary>Gets or sets when Param pays the day's net (TP_Mutabakat_Detay's value dates, dd.MM.yyyy, comma-separated), or null</summary>
    public string ValueDates { get; set; }

    /// <summary>Gets or sets the differences (ReconciliationDifference[] as JSON)</summary>
    public string DifferencesJson { get; set; }
}
