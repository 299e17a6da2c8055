using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Reads and writes what the plugin records on a nopCommerce order: the current attempt's Siparis_ID and Islem_GUID
/// (authorization transaction id and code), the <see cref="PaymentState"/> (authorization transaction result) and the
/// payment terms as hidden custom values. No card data, no secret: all of it is safe to show an admin.
/// </summary>
public static class OrderPaymentRecord
{
    public const string INSTALLMENTS = "ParamPos.Installments";
    public const string RATE = "ParamPos.Rate";
    public const string AMOUNT = "ParamPos.Amount";
    public const string TOTAL = "ParamPos.Total";
    public const string CARD = "ParamPos.Card";
    public const string CARD_FAMILY = "ParamPos.CardFamily";

    /// <summary>Gets the recorded state of the order's payment.</summary>
    public static PaymentState StateOf(Order order)
    {
        var text = order?.AuthorizationTransactionResult;
        if (string.IsNullOrEmpty(text))
            return PaymentState.None;

        var name = text.Split(':', 2)[0];

        return Enum.TryParse<PaymentState>(name, out var state) ? state : PaymentState.None;
    }

    /// <summary>Records a state with a short, human-readable detail.</summary>
    public static void SetState(Order order, PaymentState state, string detail)
    {
        order.AuthorizationTransactionResult = string.IsNullOrEmpty(detail) ? state.ToString() : $"{state}: {detail}";
    }

    /// <summary>Gets the Siparis_ID of the order's current attempt.</summary>
    public static string AttemptOrderId(Order order) => order.AuthorizationTransactionId;

    /// <summary>Gets the Islem_GUID of the order's current attempt.</summary>
    public static string AttemptTransactionGuid(Order order) => order.AuthorizationTransactionCode;

    /// <summary>Gets the payment terms recorded when the payment started.</summary>
    public static PaymentTerms TermsOf(Order order)
    {
        var values = new CustomValues();
        values.FillByXml(order.CustomValuesXml);

        string Value(string name) => values.TryGetValue(name, out var value) ? value.Value : null;
        decimal Number(string name) => decimal.TryParse(Value(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : 0m;

        return new PaymentTerms(
            int.TryParse(Value(INSTALLMENTS), NumberStyles.Integer, CultureInfo.InvariantCulture, out var installments) ? installments : 1,
            Number(RATE), Number(AMOUNT), Number(TOTAL), Value(CARD), Value(CARD_FAMILY));
    }

    /// <summary>Writes the payment terms as hidden custom values (display to customer: false).</summary>
    public static void WriteTerms(CustomValues values, PaymentTerms terms)
    {
        Put(values, INSTALLMENTS, terms.Installments.ToString(CultureInfo.InvariantCulture));
        Put(values, RATE, terms.Rate.ToString(CultureInfo.InvariantCulture));
        Put(values, AMOUNT, terms.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        Put(values, TOTAL, terms.Total.ToString("0.00", CultureInfo.InvariantCulture));
        Put(values, CARD, terms.MaskedCard);
        Put(values, CARD_FAMILY, terms.CardFamily);
    }

    private static void Put(CustomValues values, string name, string value)
    {
        values.Remove(name);
        values.Add(new CustomValue(name, value ?? string.Empty, CustomValueDisplayLocation.Payment, displayToCustomer: false));
    }
}

/// <summary>
/// The terms of a ParamPOS payment: what the shopper chose and what is charged.
/// </summary>
/// <param name="Installments">Installment count.</param>
/// <param name="Rate">Commission rate in percent.</param>
/// <param name="Amount">Islem_Tutar.</param>
/// <param name="Total">Toplam_Tutar (= the order total).</param>
/// <param name="MaskedCard">First 6 / last 4.</param>
/// <param name="CardFamily">Card program name.</param>
public sealed record PaymentTerms(int Installments, decimal Rate, decimal Amount, decimal Total, string MaskedCard, string CardFamily);
