using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Opens a Paratika payment session for a placed order (after checkout, or to pay again) and gives the hosted page's
/// address: a new MERCHANTPAYMENTID per attempt, the order's total and lines, recorded in the ledger before the shopper
/// is sent there. Before opening another session it asks Paratika whether the previous one was paid (its return may
/// have been lost), so a shopper who paid is never asked to pay again.
/// </summary>
public class ParatikaPaymentStarter
{
    #region Fields

    private const string SOURCE = "a new Paratika session";

    protected readonly ILogger _logger;
    protected readonly OrderLedgerLoader _ledgerLoader;
    protected readonly OrderPaymentUpdater _orderPaymentUpdater;
    protected readonly ParatikaCallRunner _paratikaCallRunner;
    protected readonly ParatikaSessionBuilder _sessionBuilder;
    protected readonly PaymentLedger _ledger;
    protected readonly ProviderStatusReader _statusReader;

    #endregion

    #region Ctor

    public ParatikaPaymentStarter(ILogger logger,
        OrderLedgerLoader ledgerLoader,
        OrderPaymentUpdater orderPaymentUpdater,
        ParatikaCallRunner paratikaCallRunner,
        ParatikaSessionBuilder sessionBuilder,
        PaymentLedger ledger,
        ProviderStatusReader statusReader)
    {
        _logger = logger;
        _ledgerLoader = ledgerLoader;
        _orderPaymentUpdater = orderPaymentUpdater;
        _paratikaCallRunner = paratikaCallRunner;
        _sessionBuilder = sessionBuilder;
        _ledger = ledger;
        _statusReader = statusReader;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Opens a session for a pending order
    /// </summary>
    /// <param name="order">The order</param>
    /// <param name="settings">The settings of the order's store</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains where the shopper goes</returns>
    public virtual async Task<ParatikaStartOutcome> StartAsync(Order order, ParamPosSettings settings)
    {
        if (!ParatikaCallRunner.IsConfigured(settings))
            return ParatikaStartOutcome.Unavailable;

        var ledger = await _ledgerLoader.LoadAsync(order);
        if (ledger.PaidCharge is not null || await PreviousSessionPaidAsync(ledger, settings))
            return ParatikaStartOutcome.Paid;
        if (LedgerRules.NewAttempt(ledger) is not null)
            return ParatikaStartOutcome.Unavailable;

        var merchantPaymentId = ThreeDPaymentStarter.NewAttemptOrderId(order.OrderGuid);
        var request = await _sessionBuilder.BuildAsync(order, merchantPaymentId);
        ParatikaSession session;
        try
        {
            session = await _paratikaCallRunner.CallAsync(settings, (client, context) => client.CreateSessionAsync(request, context));
        }
        catch (ParatikaException exception)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: Paratika SESSIONTOKEN for order {order.Id} failed ({exception.Kind}); nothing was charged.", exception);
            return ParatikaStartOutcome.Unavailable;
        }

        if (!session.Approved || string.IsNullOrEmpty(session.SessionToken))
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: Paratika refused a payment session for order {order.Id}: {ParatikaErrorCatalog.Describe(session.Error)}");
            return ParatikaStartOutcome.Unavailable with { Error = session.Error };
        }

        try
        {
            await _ledger.AddAttemptAsync(new ParamPosPayment
            {
                OrderGuid = order.OrderGuid,
                StoreId = order.StoreId,
                OrderReference = merchantPaymentId,
                TransactionGuid = session.SessionToken,
                Kind = PaymentKind.ParatikaHostedSale,
                CurrencyCode = request.Currency,
                Amount = request.Amount,
                Total = request.Amount,
                Installments = 1,
                CommissionRate = 0m,
                CardFamily = "Paratika"
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unrecorded, the session is never shown: nothing can be paid through it.
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: the Paratika session of order {order.Id} could not be recorded; the shopper is not sent to it.", exception);
            return ParatikaStartOutcome.Unavailable;
        }

        await _orderPaymentUpdater.AddNoteAsync(order, $"ParamPOS: the customer was sent to Paratika's payment page (MERCHANTPAYMENTID {merchantPaymentId}, "
            + $"{OrderPaymentUpdater.Money(request.Amount)} {request.Currency}).");

        return new ParatikaStartOutcome(ParatikaStartKind.RedirectToPage, ParatikaEndpoint.HostedPage(ParatikaCallRunner.ApiUrl(settings), session.SessionToken).AbsoluteUri, null);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Whether Paratika shows the order's latest session paid although its return never arrived (then it is recorded now)
    /// </summary>
    protected virtual async Task<bool> PreviousSessionPaidAsync(OrderLedger ledger, ParamPosSettings settings)
    {
        if (ledger.LatestAttempt is not { Kind: PaymentKind.ParatikaHostedSale } previous || ledger.ChargeOf(previous) is not null)
            return false;

        try
        {
            var status = await _statusReader.QueryAsync(settings, previous);
            return OrderPaymentUpdater.ConfirmsBankSale(status, previous) && await _orderPaymentUpdater.RecordBankSaleAsync(previous, status, SOURCE);
        }
        catch (ProviderStatusUnavailableException exception)
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: could not ask Paratika about {previous.OrderReference} before a new session ({exception.Reason}).", exception);
            return false;
        }
    }

    #endregion
}

/// <summary>
/// Where starting a Paratika payment sends the shopper.
/// </summary>
public enum ParatikaStartKind
{
    /// <summary>To Paratika's hosted payment page.</summary>
    RedirectToPage,

    /// <summary>Nowhere new: the order is paid.</summary>
    Paid,

    /// <summary>Back to the result page: no session could be opened (nothing was charged).</summary>
    Unavailable
}

/// <param name="Kind">Where the shopper goes.</param>
/// <param name="Url">The hosted page, when there is one.</param>
/// <param name="Error">Paratika's refusal, when it refused.</param>
public sealed record ParatikaStartOutcome(ParatikaStartKind Kind, string Url, ParatikaError Error)
{
    public static ParatikaStartOutcome Paid { get; } = new(ParatikaStartKind.Paid, null, null);

    public static ParatikaStartOutcome Unavailable { get; } = new(ParatikaStartKind.Unavailable, null, null);
}
