namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// What TP_Islem_Odeme_OnProv_Kapa answered.
/// </summary>
public sealed class CaptureResult
{
    /// <summary>Gets a value indicating whether the pre-authorization was captured (Sonuc &gt; 0 and Dekont_ID &gt; 0).</summary>
    public bool Captured { get; init; }

    /// <summary>Gets the receipt number.</summary>
    public long ReceiptId { get; init; }

    /// <summary>Gets the pre-authorization id Param answered with.</summary>
    public string ProvisionId { get; init; }

    /// <summary>Gets the bank's result code.</summary>
    public int BankCode { get; init; }

    /// <summary>Gets why it failed.</summary>
    public ParamError Error { get; init; }
}
