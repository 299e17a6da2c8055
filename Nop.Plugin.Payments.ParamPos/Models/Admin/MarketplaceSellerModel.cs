using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the "Param marketplace seller" block of a vendor's edit page: the seller's legal data as Param needs it,
/// and whether (and as which GUID) it is registered. Its fields are posted with the vendor form under the prefix "ParamPosSeller".
/// </summary>
public record MarketplaceSellerModel : BaseNopModel
{
    public int VendorId { get; set; }

    /// <summary>Gets or sets Param's seller GUID once registered, or null</summary>
    public string SubMerchantGuid { get; set; }

    /// <summary>Gets or sets the identity number as registered, masked</summary>
    public string MaskedIdentityNumber { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Type")]
    public int SellerTypeId { get; set; } = 2;

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Title")]
    public string Title { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.IdentityNumber")]
    public string IdentityNumber { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.BirthDate")]
    public string BirthDate { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Mobile")]
    public string Mobile { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Iban")]
    public string Iban { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.IbanHolder")]
    public string IbanHolder { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Address")]
    public string Address { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Province")]
    public int Province { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.District")]
    public int District { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Email")]
    public string Email { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.Mcc")]
    public string Mcc { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.TaxOffice")]
    public string TaxOffice { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.AuthorisedPersonIdentity")]
    public string AuthorisedPersonIdentity { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.AuthorisedPersonBirthDate")]
    public string AuthorisedPersonBirthDate { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Seller.CommissionRate")]
    public decimal? CommissionRate { get; set; }

    public IList<SelectListItem> AvailableSellerTypes { get; set; } = new List<SelectListItem>();
}
