using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// What version 1.0 of the plugin recorded on a nopCommerce order before the payment ledger existed: the current
/// attempt's Siparis_ID and Islem_GUID (authorization transaction id and code), a state in the authorization
/// transaction result ("Paid: Dekont_ID 123"), and the terms as hidden custom values. Read once, when the ledger of
/// such an order is first needed (<see cref="OrderLedgerLoader"/>); nothing writes it any more.
/// </summary>
public static class LegacyOrderRecord
{
    public const string INSTALLMENTS = "ParamPos.Installments";
    public const string RATE = "ParamPos.Rate";
    public const string AMOUNT = "ParamPos.Amount";
    public const string TOTAL = "ParamPos.Total";
    public const string CARD = "ParamPos.Card";
    public const string CARD_FAMILY = "ParamPos.CardFamily";

    /// <summary>Gets a value indicating whether the order carries a 1.0 record.</summary>
    public static bool IsLegacy(Order order)
    {
        return order.PaymentMethodSystemName == ParamPosDefaults.SystemName && ThreeDPaymentStarter.OrderGuidOf(order.AuthorizationTransactionId) == order.OrderGuid;
    }

    /// <summary>Gets the recorded state.</summary>
    public static LegacyPaymentState StateOf(Order order)
    {
        var text = order.AuthorizationTransactionResult;
        if (string.IsNullOrEmpty(text))
            return LegacyPaymentState.None;

        return Enum.TryParse<LegacyPaymentState>(text.Split(':', 2)[0], out var state) ? state : LegacyPaymentState.None;
    }

    /// <summary>Gets the detail recorded after the state ("mdStatus=0", "sonuc=-1,bank=51").</summary>
    public static string DetailOf(Order order)
    {
        var text = order.AuthorizationTransactionResult ?? string.Empty;
        var separator = text.IndexOf(':');

        return separator < 0 ? string.Empty : text[(separator + 1)..].Trim();
    }

    /// <summary>Gets the payment terms recorded when the payment started.</summary>
    public static LegacyTerms TermsOf(Order order)
    {
        var values = new CustomValues();
        values.FillByXml(order.CustomValuesXml);

        string Value(string name) => values.TryGetValue(name, out var value) ? value.Value : null;
        decimal Number(string name) => decimal.TryParse(Value(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : 0m;

        return new LegacyTerms(
            int.TryParse(Value(INSTALLMENTS), NumberStyles.Integer, CultureInfo.InvariantCulture, out var installments) ? installments : 1,
            Number(RATE), Number(AMOUNT), Number(TOTAL), Value(CARD), Value(CARD_FAMILY));
    }
}

/// <summary>
/// The states version 1.0 recorded.
/// </summary>
public enum LegacyPaymentState
{
    None,
    Pending3D,
    Completing,
    Paid,
    Declined,
    Unknown,
    Unsettled
}

/// <summary>
/// The terms version 1.0 recorded.
/// </summary>
public sealed record LegacyTerms(int Installments, decimal Rate, decimal Amount, decimal Total, string MaskedCard, string CardFamily);
