using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Represents a nopCommerce vendor registered as a seller (sub-merchant) at Param's marketplace service: its
/// GUID_AltUyeIsyeri and what the store needs to pay it. The identity number is kept masked.
/// </summary>
public class ParamPosMarketplaceSeller : BaseEntity
{
    /// <summary>Gets or sets the nopCommerce vendor (unique)</summary>
    public int VendorId { get; set; }

    /// <summary>Gets or sets Param's sub-merchant GUID</summary>
    public string SubMerchantGuid { get; set; }

    /// <summary>Gets or sets the legal form (Gateway.SellerType)</summary>
    public int SellerTypeId { get; set; }

    /// <summary>Gets or sets the identity number masked to its last 3 digits</summary>
    public string MaskedIdentityNumber { get; set; }

    /// <summary>Gets or sets the name (Ad_Soyad), title (Unvan) and the other fields an update sends again</summary>
    public string Name { get; set; }

    public string Title { get; set; }

    public string Mobile { get; set; }

    public string Iban { get; set; }

    public string IbanHolder { get; set; }

    public string Address { get; set; }

    public int Province { get; set; }

    public int District { get; set; }

    public string Email { get; set; }

    public string Mcc { get; set; }

    public string TaxOffice { get; set; }

    /// <summary>Gets or sets the marketplace's commission on this vendor's goods, in percent, or null for the store's default</summary>
    public decimal? CommissionRate { get; set; }

    public DateTime RegisteredOnUtc { get; set; }

    public DateTime? UpdatedOnUtc { get; set; }
}
