namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// When a vendor's declared share is approved for payout (Pazaryeri_TP_Siparis_Onay, Durum 1): Param then fixes the
/// payout date and pays the vendor's IBAN on it.
/// </summary>
public enum MarketplaceApprovalTrigger
{
    /// <summary>The store owner approves by hand.</summary>
    Manual = 0,

    /// <summary>When nopCommerce marks the order complete.</summary>
    OrderComplete = 10,

    /// <summary>When a shipment of the order is delivered.</summary>
    ShipmentDelivered = 20
}
