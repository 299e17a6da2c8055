namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A card to store at Param (KS_Kart_Ekle). Lives only in memory; <see cref="ToString"/> masks it. No CVC: Param's
/// card storage takes none, and nobody may keep one.
/// </summary>
public sealed class CardToStore
{
    /// <summary>Gets the cardholder's name (KK_Sahibi).</summary>
    public string HolderName { get; init; }

    /// <summary>Gets the full card number, digits only (KK_No).</summary>
    public string Number { get; init; }

    /// <summary>Gets the expiry month, 1–12.</summary>
    public int ExpiryMonth { get; init; }

    /// <summary>Gets the expiry year, four digits.</summary>
    public int ExpiryYear { get; init; }

    /// <summary>Gets the label stored with the card, listable with KS_Kart_Liste (KK_Kart_Adi).</summary>
    public string Label { get; init; }

    /// <summary>Gets the merchant's own unique id of the stored card (KK_Islem_ID), the check when it is deleted.</summary>
    public string CardReference { get; init; }

    public override string ToString() => $"card {ParamRedactor.MaskCardNumber(Number)}";
}

/// <summary>What KS_Kart_Ekle answered: Param's token of the stored card (KS_GUID), or why it refused.</summary>
public sealed class CardStorageResult
{
    /// <summary>Gets the token to pay with and to delete the card with (KS_GUID), or null when refused.</summary>
    public string Token { get; init; }

    /// <summary>Gets why Param refused, or null.</summary>
    public ParamError Error { get; init; }

    /// <summary>Gets a value indicating whether the card is stored: Sonuc &gt; 0 and a token.</summary>
    public bool Stored => Error is null && !string.IsNullOrEmpty(Token);
}

/// <summary>What KS_Kart_Liste answered.</summary>
public sealed class StoredCardListResult
{
    /// <summary>Gets the cards listed (table Temp).</summary>
    public IReadOnlyList<StoredCardInfo> Cards { get; init; } = [];

    /// <summary>Gets why Param refused, or null.</summary>
    public ParamError Error { get; init; }
}

/// <summary>A row of KS_Kart_Liste, every column read as text (OPEN-QUESTIONS A26): only the masked number is shown, never more.</summary>
public sealed class StoredCardInfo
{
    /// <summary>Gets the token (column KK_GUID: the KS_GUID of KS_Kart_Ekle under another name).</summary>
    public string Token { get; init; }

    /// <summary>Gets the masked card number (KK_No).</summary>
    public string MaskedNumber { get; init; }

    /// <summary>Gets the card scheme (KK_Tip).</summary>
    public string Scheme { get; init; }

    /// <summary>Gets the issuing bank (KK_Banka).</summary>
    public string BankName { get; init; }

    /// <summary>Gets the card family (KK_Marka: Bonus, Axess…).</summary>
    public string CardFamily { get; init; }

    /// <summary>Gets the label (Kart_Adi).</summary>
    public string Label { get; init; }

    /// <summary>Gets the credit/debit indicator as Param writes it (KK_KD).</summary>
    public string CreditOrDebit { get; init; }

    /// <summary>Gets the expiry as Param writes it (KK_SK, MMyyyy).</summary>
    public string Expiry { get; init; }
}

/// <summary>What KS_Kart_Sil answered.</summary>
public sealed class CardDeletionResult
{
    /// <summary>Gets why Param refused, or null when the card is deleted.</summary>
    public ParamError Error { get; init; }

    /// <summary>Gets a value indicating whether Param deleted the card (Sonuc &gt; 0).</summary>
    public bool Deleted => Error is null;
}

/// <summary>
/// A sale with a stored card (KS_Tahsilat). The CVC is asked again for 3D and lives only in memory; <see cref="ToString"/> hides it.
/// </summary>
public sealed class SavedCardSaleRequest
{
    /// <summary>Gets the stored card's token (KS_GUID).</summary>
    public string Token { get; init; }

    /// <summary>Gets the stored card's merchant id (KK_Islem_ID), or empty.</summary>
    public string CardReference { get; init; }

    /// <summary>Gets the CVC the shopper typed for this payment (CVV).</summary>
    public string Cvc { get; init; }

    /// <summary>Gets the cardholder's mobile as 5XXXXXXXXX, or empty when unknown.</summary>
    public string HolderMobile { get; init; }

    /// <summary>Gets the unique order id of the attempt (Siparis_ID, at most 36 characters).</summary>
    public string OrderId { get; init; }

    /// <summary>Gets the installment count (1 = single payment).</summary>
    public int Installments { get; init; } = 1;

    /// <summary>Gets the amount before commission.</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the amount charged, commission included.</summary>
    public decimal TotalAmount { get; init; }

    /// <summary>Gets 3D (the bank's page, then the TURKPOS_RETVAL_* POST) or NonSecure.</summary>
    public ThreeDSecurity Security { get; init; } = ThreeDSecurity.ThreeD;

    /// <summary>Gets where the bank posts a successful result.</summary>
    public string SuccessUrl { get; init; }

    /// <summary>Gets where the bank posts a failed result.</summary>
    public string FailureUrl { get; init; }

    /// <summary>Gets the order description.</summary>
    public string Description { get; init; }

    /// <summary>Gets the shopper's IP address.</summary>
    public string CustomerIp { get; init; }

    /// <summary>Gets the referring store URL.</summary>
    public string ReferrerUrl { get; init; }

    /// <summary>Gets Data1…Data4 (the KS service has no Data5).</summary>
    public IReadOnlyList<string> ExtraData { get; init; } = [];

    public override string ToString() => $"saved-card sale {OrderId}: {Installments} installment(s), {TotalAmount} (CVC hidden)";
}
