using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// For a bank's POST that lost the claim of the charge to another (a replay, a double post, another node): waits for
/// the outcome the owner records, reading the ledger itself (the database), never a cached order.
/// </summary>
public class ChargeOutcomeReader
{
    protected readonly PaymentLedger _ledger;
    protected readonly TimeProvider _timeProvider;

    public ChargeOutcomeReader(PaymentLedger ledger, TimeProvider timeProvider)
    {
        _ledger = ledger;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Gets or sets how long to wait for the outcome of a charge another request is making
    /// </summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Waits for the outcome of the attempt's charge (or of the order's charge through another attempt)
    /// </summary>
    /// <param name="order">The order</param>
    /// <param name="attempt">The attempt the POST is for</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes: Processing when the outcome is still not known</returns>
    public virtual async Task<CallbackOutcome> ReadAsync(Order order, ParamPosPayment attempt)
    {
        var deadline = _timeProvider.GetUtcNow() + Wait;
        while (true)
        {
            var ledger = await _ledger.LoadAsync(order.OrderGuid);
            if (ledger.PaidCharge is not null || ledger.Authorization is not null)
                return CallbackOutcome.Paid(order);

            var charge = ledger.ChargeOf(attempt) ?? ledger.LiveCharge;
            switch (charge?.State)
            {
                case LedgerEntryState.Refused:
                    return CallbackOutcome.Failed(order, $"sonuc={charge.ResultCode},bank={charge.BankCode}");
                case LedgerEntryState.NotSent:
                    return CallbackOutcome.Failed(order, "unavailable");
                case LedgerEntryState.Unknown:
                    return CallbackOutcome.Processing(order);
                case null:
                    return CallbackOutcome.Failed(order, "order");
            }

            if (_timeProvider.GetUtcNow() >= deadline)
                return CallbackOutcome.Processing(order);

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
