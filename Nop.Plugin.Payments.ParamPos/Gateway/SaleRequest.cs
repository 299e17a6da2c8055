using System.Globalization;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A card payment to start with TP_WMD_UCD (or a pre-authorization with TP_Islem_Odeme_OnProv_WMD).
/// <see cref="ToString"/> masks the card.
/// </summary>
public sealed class SaleRequest
{
    /// <summary>Gets or sets the merchant order id for this attempt (Siparis_ID, at most 36 ASCII characters).</summary>
    public string OrderId { get; init; }

    /// <summary>Gets or sets the cardholder name.</summary>
    public string CardHolderName { get; init; }

    /// <summary>Gets or sets the card number (digits only).</summary>
    public string CardNumber { get; init; }

    /// <summary>Gets or sets the expiry month, 1–12.</summary>
    public int ExpiryMonth { get; init; }

    /// <summary>Gets or sets the four-digit expiry year.</summary>
    public int ExpiryYear { get; init; }

    /// <summary>Gets or sets the security code.</summary>
    public string Cvc { get; init; }

    /// <summary>Gets or sets the cardholder's mobile number (5XXXXXXXXX) or null.</summary>
    public string HolderMobile { get; init; }

    /// <summary>Gets or sets the installment count (1 = single payment).</summary>
    public int Installments { get; init; } = 1;

    /// <summary>Gets or sets the amount before commission (Islem_Tutar).</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets or sets the amount charged, commission included (Toplam_Tutar).</summary>
    public decimal TotalAmount { get; init; }

    /// <summary>Gets or sets 3D Model or NonSecure.</summary>
    public ThreeDSecurity Security { get; init; } = ThreeDSecurity.ThreeD;

    /// <summary>Gets or sets where the bank posts a successful 3D authentication (Basarili_URL).</summary>
    public string SuccessUrl { get; init; }

    /// <summary>Gets or sets where the bank posts a failed 3D authentication (Hata_URL).</summary>
    public string FailureUrl { get; init; }

    /// <summary>Gets or sets the order description.</summary>
    public string Description { get; init; }

    /// <summary>Gets or sets the merchant-side transaction id (Islem_ID), echoed back in status queries.</summary>
    public string TransactionId { get; init; }

    /// <summary>Gets or sets the customer's IP address.</summary>
    public string CustomerIp { get; init; }

    /// <summary>Gets or sets the page the payment started from.</summary>
    public string ReferrerUrl { get; init; }

    /// <summary>Gets or sets up to five free-text fields (Data1…Data5, 250 characters each).</summary>
    public IReadOnlyList<string> ExtraData { get; init; } = [];

    public override string ToString()
    {
        return string.Create(CultureInfo.InvariantCulture, $"order {OrderId}, card {ParamRedactor.MaskCardNumber(CardNumber)}, {Installments} installment(s), {Amount:0.00} → {TotalAmount:0.00}, {Security}");
    }
}

/// <summary>
/// Islem_Guvenlik_Tip.
/// </summary>
public enum ThreeDSecurity
{
    /// <summary>"3D": the cardholder authenticates on the bank's page (3D Model).</summary>
    ThreeD,

    /// <summary>"NS": NonSecure, charged at once without authentication.</summary>
    NonSecure
}
