using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents one attempt at declaring a vendor's share of a paid order to Param (Pazaryeri_TP_Siparis_Detay_Ekle). The
/// amounts are the snapshot made when the payment was confirmed. Unique per order, vendor and attempt number: whoever
/// inserts an attempt sends it, so a share is declared once across web nodes, and a retry is a new attempt.
/// </summary>
public class ParamPosMarketplaceShare : BaseEntity
{
    public Guid OrderGuid { get; set; }

    public int VendorId { get; set; }

    /// <summary>Gets or sets the attempt number (1, then one more per retry of a failed declaration)</summary>
    public int Attempt { get; set; }

    public string SubMerchantGuid { get; set; }

    /// <summary>Gets or sets the payment's Islem_ID (SanalPOS_Islem_ID)</summary>
    public string TransactionId { get; set; }

    /// <summary>Gets or sets the vendor's goods after its part of the order discount</summary>
    public decimal Goods { get; set; }

    /// <summary>Gets or sets Tutar_Urun</summary>
    public decimal ProductAmount { get; set; }

    /// <summary>Gets or sets Tutar_Odenecek</summary>
    public decimal PayableAmount { get; set; }

    /// <summary>Gets or sets what refunds of this vendor's goods took off Tutar_Urun (ProductAmount is what is left)</summary>
    public decimal RefundedAmount { get; set; }

    /// <summary>Gets or sets Param's PYSiparis_GUID once declared</summary>
    public string ShareGuid { get; set; }

    public int StateId { get; set; }

    /// <summary>Gets or sets Param's answer or the failure, for the admin</summary>
    public string Answer { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public MarketplaceShareState State
    {
        get => (MarketplaceShareState)StateId;
        set => StateId = (int)value;
    }
}

/// <summary>
/// Where a share's declaration stands.
/// </summary>
public enum MarketplaceShareState
{
    /// <summary>Claimed and being sent.</summary>
    Sending = 0,

    /// <summary>Param holds the share (PYSiparis_GUID known).</summary>
    Declared = 10,

    /// <summary>Param refused it, or could not be reached: a later attempt may declare it.</summary>
    Failed = 20,

    /// <summary>The vendor has no registered seller: the share stays with the marketplace.</summary>
    NoSeller = 30,

    /// <summary>The order was cancelled or refunded as a whole: nothing of it is paid to the vendor.</summary>
    Reversed = 40
}
