using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the vendor page's "Param marketplace seller" block and turns its posted fields into Param's seller data
/// </summary>
public class MarketplaceSellerModelFactory
{
    #region Fields

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy"];

    protected readonly ILocalizationService _localizationService;
    protected readonly MarketplaceRecords _records;

    #endregion

    #region Ctor

    public MarketplaceSellerModelFactory(ILocalizationService localizationService,
        MarketplaceRecords records)
    {
        _localizationService = localizationService;
        _records = records;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the block of a vendor: its registered seller's data, or an empty form
    /// </summary>
    public virtual async Task<MarketplaceSellerModel> PrepareAsync(int vendorId, MarketplaceSellerModel posted = null)
    {
        var record = await _records.SellerOfVendorAsync(vendorId);
        var model = posted ?? new MarketplaceSellerModel { VendorId = vendorId };
        if (posted is null && record is not null)
        {
            model = model with
            {
                SellerTypeId = record.SellerTypeId, Name = record.Name, Title = record.Title, Mobile = record.Mobile, Iban = record.Iban, IbanHolder = record.IbanHolder,
                Address = record.Address, Province = record.Province, District = record.District, Email = record.Email, Mcc = record.Mcc, TaxOffice = record.TaxOffice,
                CommissionRate = record.CommissionRate
            };
        }

        model.VendorId = vendorId;
        model.SubMerchantGuid = record?.SubMerchantGuid;
        model.MaskedIdentityNumber = record?.MaskedIdentityNumber;
        foreach (var type in Enum.GetValues<SellerType>())
            model.AvailableSellerTypes.Add(new SelectListItem(await _localizationService.GetPluginResourceAsync("Seller.Type." + type), ((int)type).ToString(CultureInfo.InvariantCulture),
                (int)type == model.SellerTypeId));

        return model;
    }

    /// <summary>
    /// Gets Param's seller data from the posted block
    /// </summary>
    public static SubMerchant ToSubMerchant(MarketplaceSellerModel model)
    {
        return new SubMerchant
        {
            Type = (SellerType)model.SellerTypeId,
            Name = model.Name?.Trim(),
            Title = string.IsNullOrWhiteSpace(model.Title) ? model.Name?.Trim() : model.Title.Trim(),
            IdentityNumber = model.IdentityNumber?.Trim(),
            BirthDate = Date(model.BirthDate),
            Mobile = Marketplace.SellerIdentityRules.NormalizeMobile(model.Mobile) ?? model.Mobile?.Trim(),
            Iban = Marketplace.SellerIdentityRules.NormalizeIban(model.Iban) ?? model.Iban?.Trim(),
            IbanHolder = model.IbanHolder?.Trim(),
            Address = model.Address?.Trim(),
            Province = model.Province,
            District = model.District,
            Email = model.Email?.Trim(),
            Mcc = model.Mcc?.Trim(),
            TaxOffice = model.TaxOffice?.Trim(),
            AuthorisedPersonIdentity = model.AuthorisedPersonIdentity?.Trim(),
            AuthorisedPersonBirthDate = Date(model.AuthorisedPersonBirthDate)
        };
    }

    #endregion

    #region Utilities

    private static DateOnly? Date(string text)
    {
        return DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    #endregion
}
