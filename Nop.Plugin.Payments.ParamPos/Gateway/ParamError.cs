namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A business failure reported by Param (a negative Sonuc, a bank decline): Param's own code and text. What it means
/// for a shopper or a store owner, in English and Turkish, is the plugin's to say (Localization/ParamErrorCatalog).
/// </summary>
/// <param name="Code">Param's Sonuc (e.g. -102); 0 when Param sent none.</param>
/// <param name="ParamText">Sonuc_Str / Sonuc_Ack exactly as Param sent it (Turkish, may be empty).</param>
/// <param name="BankCode">The bank's result code when there is one (Banka_Sonuc_Kod), else null.</param>
public sealed record ParamError(int Code, string ParamText, string BankCode)
{
    /// <summary>
    /// Builds an error from what Param answered.
    /// </summary>
    public static ParamError FromResult(int code, string paramText, string bankCode = null)
    {
        return new ParamError(code, paramText ?? string.Empty, string.IsNullOrEmpty(bankCode) ? null : bankCode);
    }

    /// <summary>
    /// Param's answer as it came: "Param -1, bank code 51: 'Yetersiz bakiye'".
    /// </summary>
    public override string ToString()
    {
        var bank = BankCode is null ? string.Empty : $", bank code {BankCode}";
        var text = string.IsNullOrWhiteSpace(ParamText) ? string.Empty : $": '{ParamText}'";

        return $"Param {Code}{bank}{text}";
    }
}
