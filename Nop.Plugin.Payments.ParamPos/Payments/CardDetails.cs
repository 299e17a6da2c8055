using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// A card as the shopper typed it. Lives only in memory and, encrypted, in the <see cref="CardVault"/> until
/// TP_WMD_UCD is sent. <see cref="ToString"/> masks it.
/// </summary>
public sealed record CardDetails(string HolderName, string Number, int ExpiryMonth, int ExpiryYear, string Cvc)
{
    /// <summary>Gets a value indicating whether the shopper asked to keep the card at Param for next time (after a successful payment only).</summary>
    public bool SaveRequested { get; init; }

    /// <summary>Gets the BIN (first 6 digits).</summary>
    public string Bin => Number[..6];

    /// <summary>Gets the number masked to its first 6 and last 4 digits.</summary>
    public string Masked => ParamRedactor.MaskCardNumber(Number);

    public override string ToString()
    {
        return $"card {Masked}";
    }
}
