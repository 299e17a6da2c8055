using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Gets an order's ledger. An order placed by version 1.0 (no ledger yet) gets one the first time it is needed, from
/// what 1.0 recorded on the order: its attempt, and its charge and refunds as 1.0 knew them. Every step of the import
/// is an insert at a fixed key (the marker at sequence 1, the attempt's Siparis_ID, each entry's sequence number), so
/// any number of nodes may import the same order at once, or finish an import that stopped, with one result.
/// </summary>
public class OrderLedgerLoader
{
    #region Fields

    private const string SOURCE = "import of a version 1.0 order";

    protected readonly PaymentLedger _ledger;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public OrderLedgerLoader(PaymentLedger ledger,
        TimeProvider timeProvider)
    {
        _ledger = ledger;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the ledger of an order (importing a version 1.0 order's record the first time)
    /// </summary>
    /// <param name="order">The order</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the ledger (empty for an order the plugin knows nothing of)</returns>
    public virtual async Task<OrderLedger> LoadAsync(Order order)
    {
        var ledger = await _ledger.LoadAsync(order.OrderGuid);
        if (!NeedsImport(order, ledger))
            return ledger;

        await ImportAsync(order);

        return await _ledger.LoadAsync(order.OrderGuid);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// A 1.0 order with nothing in the ledger, or whose import has not finished. (This version records an order's
    /// attempt before the order exists, so its orders never have an empty ledger.)
    /// </summary>
    protected static bool NeedsImport(Order order, OrderLedger ledger)
    {
        if (!LegacyOrderRecord.IsLegacy(order))
            return false;
        if (ledger.IsEmpty && ledger.Entries.Count == 0)
            return true;

        return ledger.Entries.Count > 0 && ledger.Entries[0] is { Kind: LedgerEntryKind.Imported } marker && marker.State != LedgerEntryState.Succeeded;
    }

    protected virtual async Task ImportAsync(Order order)
    {
        var state = LegacyOrderRecord.StateOf(order);
        var marker = await _ledger.InsertOnceAsync(NewEntry(order.OrderGuid, 1, 0, LedgerEntryKind.Imported, 0m, LedgerEntryState.Sending));
        if (marker.Kind != LedgerEntryKind.Imported)
            return;

        var terms = LegacyOrderRecord.TermsOf(order);
        var attempt = await _ledger.InsertAttemptOnceAsync(new ParamPosPayment
        {
            OrderGuid = order.OrderGuid,
            StoreId = order.StoreId,
            AttemptNumber = 1,
            OrderReference = order.AuthorizationTransactionId,
            TransactionGuid = order.AuthorizationTransactionCode,
            Kind = PaymentKind.ThreeDModelSale,
            CurrencyCode = ParamPosDefaults.CurrencyCode,
            Amount = terms.Amount,
            Total = terms.Total > 0m ? terms.Total : order.OrderTotal,
            Installments = terms.Installments,
            CommissionRate = terms.Rate,
            MaskedCard = terms.MaskedCard,
            CardFamily = terms.CardFamily,
            DeclineReason = state == LegacyPaymentState.Declined ? LegacyOrderRecord.DetailOf(order) : null
        });

        var sequence = 2;
        async Task<ParamPosLedgerEntry> AddAsync(LedgerEntryKind kind, decimal amount, LedgerEntryState entryState, LedgerAnswer answer = null, ParamPosLedgerEntry related = null)
        {
            var entry = NewEntry(order.OrderGuid, sequence++, attempt.Id, kind, amount, entryState, related?.Id);
            Answer(entry, answer);

            return await _ledger.InsertOnceAsync(entry);
        }

        var paid = state == LegacyPaymentState.Paid || order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
        if (paid)
        {
            var charge = await AddAsync(LedgerEntryKind.Charge, attempt.Total, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Paid (recorded by version 1.0)", order.CaptureTransactionId));
            await AddAsync(LedgerEntryKind.OrderPaid, 0m, LedgerEntryState.Succeeded, related: charge);
            if (order.RefundedAmount > 0m)
            {
                var refund = await AddAsync(LedgerEntryKind.Refund, order.RefundedAmount, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Refunded (recorded by version 1.0)"));
                await AddAsync(LedgerEntryKind.OrderRefunded, 0m, LedgerEntryState.Succeeded, related: refund);
            }
        }
        else if (state is LegacyPaymentState.Completing or LegacyPaymentState.Unknown or LegacyPaymentState.Unsettled)
        {
            // TP_WMD_Pay was sent and its outcome never recorded: the reconciliation task asks Param.
            var charge = await AddAsync(LedgerEntryKind.Charge, attempt.Total, LedgerEntryState.Unknown, new LedgerAnswer("unknown", $"{state} (recorded by version 1.0)"));
            if (state == LegacyPaymentState.Unsettled)
                await AddAsync(LedgerEntryKind.LeftForMerchant, 0m, LedgerEntryState.Succeeded, related: charge);
        }

        marker.PaymentId = attempt.Id;
        await _ledger.CompleteAsync(marker, LedgerEntryState.Succeeded, new LedgerAnswer("imported", $"{state}: {Shorten(order.AuthorizationTransactionResult)}"));
    }

    protected virtual ParamPosLedgerEntry NewEntry(Guid orderGuid, int sequence, int paymentId, LedgerEntryKind kind, decimal amount, LedgerEntryState state, int? relatedEntryId = null)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        return new ParamPosLedgerEntry
        {
            OrderGuid = orderGuid,
            Sequence = sequence,
            PaymentId = paymentId,
            Kind = kind,
            State = state,
            Amount = amount,
            RelatedEntryId = relatedEntryId,
            Source = SOURCE,
            CompletedOnUtc = state is LedgerEntryState.Sending or LedgerEntryState.Unknown ? null : now
        };
    }

    protected static void Answer(ParamPosLedgerEntry entry, LedgerAnswer answer)
    {
        if (answer is null)
            return;

        entry.ResultCode = answer.Code;
        entry.ResultText = answer.Text;
        entry.ReceiptId = answer.ReceiptId;
    }

    protected static string Shorten(string text) => text is null || text.Length <= 200 ? text : text[..200];

    #endregion
}
