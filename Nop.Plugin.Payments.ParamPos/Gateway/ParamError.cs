namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A business failure reported by Param (a negative Sonuc, a bank decline): Param's own code and text, plus an
/// English and a Turkish explanation when the code is known (<see cref="ParamErrorCatalog"/>).
/// </summary>
/// <param name="Code">Param's Sonuc (e.g. -102); 0 when Param sent none.</param>
/// <param name="ParamText">Sonuc_Str / Sonuc_Ack exactly as Param sent it (Turkish, may be empty).</param>
/// <param name="BankCode">The bank's result code when there is one (Banka_Sonuc_Kod), else null.</param>
/// <param name="English">Plain-English explanation.</param>
/// <param name="Turkish">Plain-Turkish explanation.</param>
public sealed record ParamError(int Code, string ParamText, string BankCode, string English, string Turkish)
{
    /// <summary>
    /// Builds an error from what Param answered, explained by the catalog.
    /// </summary>
    public static ParamError FromResult(int code, string paramText, string bankCode = null)
    {
        var (english, turkish) = ParamErrorCatalog.Explain(code, bankCode, paramText);

        return new ParamError(code, paramText ?? string.Empty, string.IsNullOrEmpty(bankCode) ? null : bankCode, english, turkish);
    }

    /// <summary>
    /// Gets the explanation in the language of a culture name (Turkish for tr-*, English otherwise).
    /// </summary>
    public string MessageFor(string languageCulture)
    {
        return languageCulture is not null && languageCulture.StartsWith("tr", StringComparison.OrdinalIgnoreCase) ? Turkish : English;
    }

    /// <summary>
    /// One line for order notes and logs: "Param -102: Islem_Hash is invalid (Param: 'İşlem Hash geçersiz.')".
    /// </summary>
    public override string ToString()
    {
        var bank = BankCode is null ? string.Empty : $", bank code {BankCode}";
        var text = string.IsNullOrWhiteSpace(ParamText) ? string.Empty : $" (Param: '{ParamText}')";

        return $"Param {Code}{bank}: {English}{text}";
    }
}
