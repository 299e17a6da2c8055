using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the order page's "Param marketplace" block: each vendor's share of the order, here and at Param
/// </summary>
public record MarketplaceOrderModel : BaseNopModel
{
    public int OrderId { get; set; }

    /// <summary>Gets or sets a value indicating whether Param's marketplace service could not say how the shares stand</summary>
    public bool ParamUnreachable { get; set; }

    public bool CanApprove { get; set; }

    public bool CanWithdraw { get; set; }

    public IList<MarketplaceShareRowModel> Shares { get; set; } = new List<MarketplaceShareRowModel>();
}

/// <summary>
/// Represents one vendor's share of an order
/// </summary>
public record MarketplaceShareRowModel
{
    public int VendorId { get; set; }

    public string Seller { get; set; }

    /// <summary>Gets or sets the vendor's goods at Param now (Tutar_Urun, after refunds)</summary>
    public string ProductAmount { get; set; }

    /// <summary>Gets or sets what Param pays the vendor (Tutar_Odenecek)</summary>
    public string PayableAmount { get; set; }

    public string RefundedAmount { get; set; }

    /// <summary>Gets or sets the share's state in the store (declared, not declared, reversed, …)</summary>
    public string State { get; set; }

    /// <summary>Gets or sets the state Param reports (Durum_Str), or null</summary>
    public string StateAtParam { get; set; }

    /// <summary>Gets or sets the date Param pays the vendor (Vade_Tarihi), or null</summary>
    public string PayoutDate { get; set; }

    public bool Approved { get; set; }

    /// <summary>Gets or sets a value indicating whether part of this vendor's goods can be refunded from the block</summary>
    public bool CanRefund { get; set; }
}
