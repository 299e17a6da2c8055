using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Every change the plugin makes to an order's payment, with its order note: the one place that marks an order paid.
/// Notes are for the merchant (not shown to the customer) and never contain card data beyond the mask.
/// </summary>
public class OrderPaymentUpdater
{
    #region Fields

    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public OrderPaymentUpdater(IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        TimeProvider timeProvider)
    {
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Records the state (saved at once, so other nodes see it)
    /// </summary>
    public virtual async Task SetStateAsync(Order order, PaymentState state, string detail)
    {
        OrderPaymentRecord.SetState(order, state, detail);
        await _orderService.UpdateOrderAsync(order);
    }

    /// <summary>
    /// Marks the order paid with Param's receipt and adds the payment note
    /// </summary>
    /// <param name="order">Order</param>
    /// <param name="receiptId">Dekont_ID</param>
    /// <param name="bankAuthCode">Bank authorization code</param>
    /// <param name="bankDetails">Bank references for the note</param>
    /// <param name="source">What confirmed it (the 3-D callback, the reconciliation task)</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task MarkPaidAsync(Order order, long receiptId, string bankAuthCode, string bankDetails, string source)
    {
        var receipt = receiptId.ToString(CultureInfo.InvariantCulture);
        order.CaptureTransactionId = receipt;
        order.CaptureTransactionResult = string.IsNullOrEmpty(bankAuthCode) ? "Approved" : $"Approved, auth code {bankAuthCode}";
        OrderPaymentRecord.SetState(order, PaymentState.Paid, $"Dekont_ID {receipt}");

        if (_orderProcessingService.CanMarkOrderAsPaid(order))
            await _orderProcessingService.MarkOrderAsPaidAsync(order);
        else
            await _orderService.UpdateOrderAsync(order);

        var terms = OrderPaymentRecord.TermsOf(order);
        await AddNoteAsync(order, $"ParamPOS payment confirmed by {source}. Card {terms.MaskedCard} ({terms.CardFamily}), "
            + $"{(terms.Installments == 1 ? "single payment" : $"{terms.Installments} installments")} at {terms.Rate.ToString("0.####", CultureInfo.InvariantCulture)} %: "
            + $"amount {Money(terms.Amount)}, charged {Money(terms.Total)} TRY. Dekont_ID {receipt}, Siparis_ID {OrderPaymentRecord.AttemptOrderId(order)}"
            + (string.IsNullOrEmpty(bankDetails) ? "." : $", {bankDetails}."));
    }

    /// <summary>
    /// Records a decline (3-D Secure or the bank): nothing was charged
    /// </summary>
    public virtual async Task MarkDeclinedAsync(Order order, string stateDetail, string explanation)
    {
        await SetStateAsync(order, PaymentState.Declined, stateDetail);
        await AddNoteAsync(order, $"ParamPOS payment not completed (Siparis_ID {OrderPaymentRecord.AttemptOrderId(order)}): {explanation} Nothing was charged.");
    }

    /// <summary>
    /// Adds a merchant-only order note
    /// </summary>
    public virtual Task AddNoteAsync(Order order, string note)
    {
        return _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = note,
            DisplayToCustomer = false,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        });
    }

    /// <summary>
    /// Formats the bank references of a TP_WMD_Pay answer for a note
    /// </summary>
    public static string BankDetails(PaymentCompletionResult result)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(result.BankAuthCode))
            parts.Add($"auth code {result.BankAuthCode}");
        if (!string.IsNullOrEmpty(result.BankTransactionId))
            parts.Add($"bank transaction {result.BankTransactionId}");
        if (!string.IsNullOrEmpty(result.BankHostReference))
            parts.Add($"host reference {result.BankHostReference}");
        parts.Add($"bank code {result.BankCode}");

        return string.Join(", ", parts);
    }

    private static string Money(decimal amount)
    {
        return amount.ToString("0.00", CultureInfo.InvariantCulture);
    }

    #endregion
}
