namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The TURKPOS_RETVAL_* POST the bank sends back after a 3D Pay (Pos_Odeme), foreign-currency (TP_Islem_Odeme_WD) or
/// saved-card (KS_Tahsilat) payment (ParamPOS.md §8.13). Untrusted until <see cref="Verify"/> passed with the store's own
/// CLIENT_CODE and GUID; no source lists TURKPOS_RETVAL_Hash for saved-card results (OPEN-QUESTIONS A28), so it may be absent.
/// </summary>
public sealed class BankPaymentReturn
{
    public const string PREFIX = "TURKPOS_RETVAL_";

    /// <summary>Gets the fields a return must carry (the result and the ones its hash covers; the hash itself is checked by kind).</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = [PREFIX + "Sonuc", PREFIX + "Dekont_ID", PREFIX + "Tahsilat_Tutari", PREFIX + "Siparis_ID"];

    private BankPaymentReturn()
    {
    }

    /// <summary>Gets TURKPOS_RETVAL_Sonuc (0 when not a number).</summary>
    public int Sonuc { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Sonuc_Str.</summary>
    public string SonucText { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Dekont_ID as posted ("0" on failure).</summary>
    public string DekontId { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Tahsilat_Tutari as posted ("10,01").</summary>
    public string TahsilatTutari { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Siparis_ID.</summary>
    public string OrderId { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Islem_ID: the merchant's Islem_ID echoed (may be empty).</summary>
    public string MerchantTransactionId { get; private init; }

    /// <summary>Gets TURKPOS_RETVAL_Hash, or null when none was posted.</summary>
    public string Hash { get; private init; }

    /// <summary>Gets a value indicating whether the POST is signed (carries TURKPOS_RETVAL_Hash).</summary>
    public bool IsSigned => !string.IsNullOrEmpty(Hash);

    /// <summary>Gets TURKPOS_RETVAL_Banka_Sonuc_Kod.</summary>
    public string BankCode { get; private init; }

    /// <summary>Gets the ISO currency of TURKPOS_RETVAL_PB, or null when missing or unknown.</summary>
    public string CurrencyCode { get; private init; }

    /// <summary>Gets the receipt number (0 when missing or not a number).</summary>
    public long ReceiptId => ParamResultRules.ParseReceiptId(DekontId);

    /// <summary>Gets a value indicating whether the bank reports the payment made: Sonuc &gt; 0 and Dekont_ID &gt; 0.</summary>
    public bool Approved => Sonuc > 0 && ReceiptId > 0;

    /// <summary>
    /// Reads a POST's fields; null when a required one is missing
    /// </summary>
    /// <param name="field">Gets a posted field's value by name, or null</param>
    public static BankPaymentReturn Read(Func<string, string> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (RequiredFields.Any(name => string.IsNullOrEmpty(field(name))))
            return null;

        return new BankPaymentReturn
        {
            Sonuc = ParamResultRules.ParseSonuc(field(PREFIX + "Sonuc")),
            SonucText = field(PREFIX + "Sonuc_Str"),
            DekontId = field(PREFIX + "Dekont_ID"),
            TahsilatTutari = field(PREFIX + "Tahsilat_Tutari"),
            OrderId = field(PREFIX + "Siparis_ID"),
            MerchantTransactionId = field(PREFIX + "Islem_ID") ?? string.Empty,
            Hash = string.IsNullOrEmpty(field(PREFIX + "Hash")) ? null : field(PREFIX + "Hash"),
            BankCode = field(PREFIX + "Banka_Sonuc_Kod"),
            CurrencyCode = ParamCurrency.FromPb(field(PREFIX + "PB"))
        };
    }

    /// <summary>
    /// Checks TURKPOS_RETVAL_Hash with the store's CLIENT_CODE and GUID (§6.4), in constant time
    /// </summary>
    public bool Verify(string clientCode, string merchantGuid)
    {
        return ParamHash.VerifyThreeDPayCallback(Hash, clientCode, merchantGuid, DekontId, TahsilatTutari, OrderId, MerchantTransactionId);
    }
}
