using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Compares a day of Param's records (TP_Islem_Izleme, TP_Mutabakat_Ozet) with the same day of the store's ledger, by
/// Siparis_ID: every successful sale at Param must be a sale the store took (a 3D Model or 3D Pay charge, a captured
/// pre-authorization, a foreign-currency sale) for the same amount, every sale the store took must be at Param, and the
/// cancels and refunds of each payment must add up the same. Pure: it reads, it never changes anything. Paratika's
/// payments are not Param's and are left out; a payment of another store on the same Param account is not a difference.
/// </summary>
public static class ParamRecordsMatcher
{
    /// <summary>
    /// Finds the differences of a day
    /// </summary>
    /// <param name="paramRows">Param's transactions of the day</param>
    /// <param name="paramTotals">Param's totals of the day (or null when they could not be read)</param>
    /// <param name="storeMoves">The store's money moves that took effect that day</param>
    /// <param name="knownAttempts">Every attempt the store knows of, of any store, by Siparis_ID</param>
    /// <param name="storeId">The store checked</param>
    public static (IReadOnlyList<ReconciliationDifference> Differences, ReconciliationSide Param, ReconciliationSide Store) Match(
        IReadOnlyList<MonitoredTransaction> paramRows, ReconciliationTotals paramTotals, IReadOnlyList<(ParamPosPayment Attempt, ParamPosLedgerEntry Entry)> storeMoves,
        IReadOnlyDictionary<string, ParamPosPayment> knownAttempts, int storeId)
    {
        bool OtherStore(string reference) => knownAttempts.TryGetValue(reference ?? string.Empty, out var attempt) && attempt.StoreId != storeId;

        var paramSales = paramRows.Where(row => row.Kind == MonitoredKind.Sale && row.Succeeded && !OtherStore(row.OrderId)).ToList();
        var paramReversals = paramRows.Where(row => row.Kind is MonitoredKind.Cancel or MonitoredKind.Refund && row.Succeeded && !OtherStore(row.OrderId)).ToList();
        var ours = storeMoves.Where(move => move.Attempt.StoreId == storeId && move.Attempt.Kind != PaymentKind.ParatikaHostedSale).ToList();
        var storeSales = ours.Where(move => IsSale(move.Attempt, move.Entry)).ToList();
        var storeReversals = ours.Where(move => move.Entry.Kind is LedgerEntryKind.Cancel or LedgerEntryKind.Refund).ToList();

        var differences = new List<ReconciliationDifference>();
        var storeSalesByReference = storeSales.GroupBy(move => move.Attempt.OrderReference).ToDictionary(group => group.Key, group => group.Sum(move => move.Entry.Amount));
        foreach (var sales in paramSales.GroupBy(row => row.OrderId ?? string.Empty))
        {
            var amount = sales.Sum(row => row.Amount);
            var receipt = sales.First().ReceiptId;
            if (!knownAttempts.TryGetValue(sales.Key, out var attempt))
                differences.Add(new ReconciliationDifference(DifferenceKind.UnknownTransaction, sales.Key, null, receipt, amount, null));
            else if (!storeSalesByReference.TryGetValue(sales.Key, out var taken))
                differences.Add(new ReconciliationDifference(DifferenceKind.PaidAtParamNotInStore, sales.Key, attempt.OrderGuid, receipt, amount, null));
            else if (taken != amount)
                differences.Add(new ReconciliationDifference(DifferenceKind.AmountDiffers, sales.Key, attempt.OrderGuid, receipt, amount, taken));
        }

        var paramSaleReferences = paramSales.Select(row => row.OrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var (reference, taken) in storeSalesByReference.Where(pair => !paramSaleReferences.Contains(pair.Key)))
        {
            var move = storeSales.First(candidate => candidate.Attempt.OrderReference == reference);
            differences.Add(new ReconciliationDifference(DifferenceKind.PaidInStoreNotAtParam, reference, move.Attempt.OrderGuid, move.Entry.ReceiptId, null, taken));
        }

        var paramRefunds = paramReversals.GroupBy(row => row.OrderId ?? string.Empty).ToDictionary(group => group.Key, group => group.Sum(row => row.Amount));
        var storeRefunds = storeReversals.GroupBy(move => move.Attempt.OrderReference).ToDictionary(group => group.Key, group => group.Sum(move => move.Entry.Amount));
        foreach (var reference in paramRefunds.Keys.Union(storeRefunds.Keys).Order(StringComparer.Ordinal))
        {
            var atParam = paramRefunds.GetValueOrDefault(reference);
            var inStore = storeRefunds.GetValueOrDefault(reference);
            if (atParam == inStore)
                continue;

            if (!knownAttempts.TryGetValue(reference, out var attempt))
                differences.Add(new ReconciliationDifference(DifferenceKind.UnknownTransaction, reference, null, null, atParam, null));
            else
                differences.Add(new ReconciliationDifference(DifferenceKind.RefundsDiffer, reference, attempt.OrderGuid, null, atParam, inStore));
        }

        var allSales = paramRows.Where(row => row.Kind == MonitoredKind.Sale && row.Succeeded).ToList();
        if (paramTotals is { Error: null } && (paramTotals.SaleCount != allSales.Count || paramTotals.SaleTotal != allSales.Sum(row => row.Amount)))
            differences.Add(new ReconciliationDifference(DifferenceKind.TotalsDiffer, null, null, null, allSales.Sum(row => row.Amount), paramTotals.SaleTotal));

        var param = new ReconciliationSide(paramSales.Count, paramSales.Sum(row => row.Amount),
            paramSales.Sum(row => row.Commission) - paramReversals.Sum(row => row.Commission),
            paramSales.Sum(row => row.Net) - paramReversals.Sum(row => row.Net),
            paramReversals.Count, paramReversals.Sum(row => row.Amount),
            paramRows.Count(row => row.Kind == MonitoredKind.Sale && !row.Succeeded && !OtherStore(row.OrderId)));
        var store = new ReconciliationSide(storeSales.Count, storeSales.Sum(move => move.Entry.Amount), null, null, storeReversals.Count, storeReversals.Sum(move => move.Entry.Amount), 0);

        return (differences, param, store);
    }

    /// <summary>
    /// Gets a value indicating whether a move took a sale's money: a charge (not a pre-authorization's hold) or a capture
    /// </summary>
    private static bool IsSale(ParamPosPayment attempt, ParamPosLedgerEntry entry)
    {
        return entry.Kind == LedgerEntryKind.Capture || (entry.Kind == LedgerEntryKind.Charge && attempt.Kind != PaymentKind.ThreeDModelPreAuthorization);
    }
}
