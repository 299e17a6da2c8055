using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Gets an order's ledger. An order placed by version 1.0 (no ledger yet) gets one the first time it is needed, from
/// what 1.0 recorded on the order: its attempt, and its charge and refunds as 1.0 knew them. The import is itself
/// claimed (the attempt's Siparis_ID and the entries' sequence numbers are unique), so two nodes cannot import twice.
/// </summary>
public class OrderLedgerLoader
{
    #region Fields

    private const string SOURCE = "import of a version 1.0 order";

    protected readonly PaymentLedger _ledger;

    #endregion

    #region Ctor

    public OrderLedgerLoader(PaymentLedger ledger)
    {
        _ledger = ledger;
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
        if (!ledger.IsEmpty || !LegacyOrderRecord.IsLegacy(order))
            return ledger;

        await ImportAsync(order);

        return await _ledger.LoadAsync(order.OrderGuid);
    }

    #endregion

    #region Utilities

    protected virtual async Task ImportAsync(Order order)
    {
        var state = LegacyOrderRecord.StateOf(order);
        var terms = LegacyOrderRecord.TermsOf(order);
        var attempt = new ParamPosPayment
        {
            OrderGuid = order.OrderGuid,
            StoreId = order.StoreId,
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
        };

        try
        {
            await _ledger.AddAttemptAsync(attempt);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another node imported it first (the Siparis_ID is unique); anything else is a real failure.
            if (await _ledger.FindAttemptAsync(attempt.OrderReference) is null)
                throw;

            return;
        }

        var paid = state == LegacyPaymentState.Paid || order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
        if (paid)
        {
            var charge = await AddAsync(attempt, LedgerEntryKind.Charge, attempt.Total, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Paid (recorded by version 1.0)", order.CaptureTransactionId));
            await AddAsync(attempt, LedgerEntryKind.OrderPaid, 0m, LedgerEntryState.Succeeded, relatedEntryId: charge.Id);
            if (order.RefundedAmount > 0m)
            {
                var refund = await AddAsync(attempt, LedgerEntryKind.Refund, order.RefundedAmount, LedgerEntryState.Succeeded, new LedgerAnswer("1", "Refunded (recorded by version 1.0)"));
                await AddAsync(attempt, LedgerEntryKind.OrderRefunded, 0m, LedgerEntryState.Succeeded, relatedEntryId: refund.Id);
            }

            return;
        }

        if (state is LegacyPaymentState.Completing or LegacyPaymentState.Unknown or LegacyPaymentState.Unsettled)
        {
            // TP_WMD_Pay was sent and its outcome never recorded: the reconciliation task asks Param.
            var charge = await AddAsync(attempt, LedgerEntryKind.Charge, attempt.Total, LedgerEntryState.Unknown, new LedgerAnswer("unknown", $"{state} (recorded by version 1.0)"));
            if (state == LegacyPaymentState.Unsettled)
                await AddAsync(attempt, LedgerEntryKind.LeftForMerchant, 0m, LedgerEntryState.Succeeded, relatedEntryId: charge.Id);
        }
    }

    protected virtual async Task<ParamPosLedgerEntry> AddAsync(ParamPosPayment attempt, LedgerEntryKind kind, decimal amount, LedgerEntryState state,
        LedgerAnswer answer = null, int? relatedEntryId = null)
    {
        var claim = await _ledger.ClaimAsync(attempt.OrderGuid, ledger => ClaimDecision.Claim(new ParamPosLedgerEntry
        {
            OrderGuid = attempt.OrderGuid,
            Sequence = ledger.NextSequence,
            PaymentId = attempt.Id,
            Kind = kind,
            State = LedgerEntryState.Sending,
            Amount = amount,
            RelatedEntryId = relatedEntryId,
            Source = SOURCE
        }));
        await _ledger.CompleteAsync(claim.Entry, state, answer);

        return claim.Entry;
    }

    #endregion
}
