namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// What a difference between Param's records and the store's is.
/// </summary>
public enum DifferenceKind
{
    /// <summary>Param took the money for one of the store's payments, but the store does not show it taken.</summary>
    PaidAtParamNotInStore = 10,

    /// <summary>The store shows a payment taken that Param has no successful sale for.</summary>
    PaidInStoreNotAtParam = 20,

    /// <summary>Both show the sale, for different amounts.</summary>
    AmountDiffers = 30,

    /// <summary>The cancels and refunds of a payment add up differently.</summary>
    RefundsDiffer = 40,

    /// <summary>Param shows a transaction the store never started (Param's panel, another shop on the account).</summary>
    UnknownTransaction = 50,

    /// <summary>Param's own transaction list and its period totals (TP_Mutabakat_Ozet) disagree.</summary>
    TotalsDiffer = 60
}

/// <summary>
/// One difference, with what each side says.
/// </summary>
/// <param name="Kind">What differs</param>
/// <param name="OrderReference">The Siparis_ID, or null for the day's totals</param>
/// <param name="OrderGuid">The store's order, when known</param>
/// <param name="ReceiptId">Param's receipt (Dekont_ID), when there is one</param>
/// <param name="ParamAmount">What Param shows, or null</param>
/// <param name="StoreAmount">What the store shows, or null</param>
public sealed record ReconciliationDifference(DifferenceKind Kind, string OrderReference, Guid? OrderGuid, string ReceiptId, decimal? ParamAmount, decimal? StoreAmount)
{
    /// <summary>Gets the nopCommerce order id, filled in when the order exists.</summary>
    public int? OrderId { get; init; }

    /// <summary>
    /// Describes the difference and what to do, in English (the log; the admin page uses the store's texts)
    /// </summary>
    public string Describe()
    {
        var order = OrderId is { } id ? $"order {id}" : "no order of this store";
        string Money(decimal? amount) => amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

        return Kind switch
        {
            DifferenceKind.PaidAtParamNotInStore => $"Param took {Money(ParamAmount)} for {OrderReference} (Dekont_ID {ReceiptId}), {order}, but the store does not show it paid: "
                + "let the pending-payment check settle it, or check the order; refund it at Param if the order was cancelled.",
            DifferenceKind.PaidInStoreNotAtParam => $"The store shows {Money(StoreAmount)} taken for {OrderReference} ({order}), but Param has no successful sale for it that day: "
                + "check the transaction in Param's merchant panel before shipping.",
            DifferenceKind.AmountDiffers => $"{OrderReference} ({order}): Param took {Money(ParamAmount)}, the store recorded {Money(StoreAmount)}: check the order total and Param's receipt.",
            DifferenceKind.RefundsDiffer => $"{OrderReference} ({order}): Param cancelled or refunded {Money(ParamAmount)} that day, the store {Money(StoreAmount)}: "
                + "check the order's refunds against Param's panel.",
            DifferenceKind.UnknownTransaction => $"Param shows {Money(ParamAmount)} for {OrderReference} (Dekont_ID {ReceiptId}), which this store never started: "
                + "a payment taken in Param's panel or by another shop on the same account.",
            _ => $"Param's transaction list sums {Money(ParamAmount)} but its day totals (TP_Mutabakat_Ozet) say {Money(StoreAmount)}: ask Param."
        };
    }
}

/// <summary>
/// One side's day: successful sales, their gross amount, commission and net (Param's only), cancels and refunds, declines.
/// </summary>
public sealed record ReconciliationSide(int Sales, decimal Gross, decimal? Commission, decimal? Net, int Reversals, decimal Refunds, int Declines);

/// <summary>
/// A Turkish day of a store checked against Param's records.
/// </summary>
public sealed class DailyReconciliationReport
{
    public DateOnly Day { get; init; }
    public int StoreId { get; init; }
    public DateTime CheckedOnUtc { get; init; }

    /// <summary>Gets why the day could not be checked (Param unreachable or refusing), or null.</summary>
    public string Error { get; init; }

    public ReconciliationSide Param { get; init; }
    public ReconciliationSide Store { get; init; }
    public IReadOnlyList<ReconciliationDifference> Differences { get; init; } = [];

    /// <summary>Gets when Param pays the day's net (the settlement's value dates, dd.MM.yyyy), or empty when not known.</summary>
    public IReadOnlyList<string> ValueDates { get; init; } = [];

    /// <summary>Gets a value indicating whether Param and the store agree on the whole day.</summary>
    public bool IsClean => Error is null && Differences.Count == 0;
}
