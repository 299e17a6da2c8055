using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Marketplace;
using Nop.Plugin.Payments.ParamPos.Services;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Registers a nopCommerce vendor as a seller at Param's marketplace service, or updates it: the data is checked with
/// Param's rules first (nothing is sent while a rule fails), then sent; the seller's GUID and the fields an update
/// needs are kept (the identity number masked).
/// </summary>
public class MarketplaceSellerRegistry
{
    #region Fields

    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public MarketplaceSellerRegistry(MarketplaceRecords records,
        ParamCallRunner callRunner,
        TimeProvider timeProvider)
    {
        _records = records;
        _callRunner = callRunner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Registers or updates a vendor's seller
    /// </summary>
    /// <param name="settings">The store's settings</param>
    /// <param name="vendorId">The vendor</param>
    /// <param name="seller">The seller's data (for an update the type, identity number and birth dates are Param's already)</param>
    /// <param name="commissionRate">The marketplace's commission on this vendor, or null for the store's default</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains what failed (rules, or Param's refusal), empty when done</returns>
    public virtual async Task<(IReadOnlyList<SubMerchantProblem> Problems, string Refusal)> SaveAsync(ParamPosSettings settings, int vendorId, SubMerchant seller, decimal? commissionRate)
    {
        var existing = await _records.SellerOfVendorAsync(vendorId);
        var today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
        // An update cannot change the type, the identity number or the birth dates: only the rest is checked.
        var problems = SubMerchantRules.Problems(seller, today)
            .Where(problem => existing is null || problem is not (SubMerchantProblem.IdentityNumber or SubMerchantProblem.BirthDate or SubMerchantProblem.AuthorisedPerson
                or SubMerchantProblem.AuthorisedPersonBirthDate or SubMerchantProblem.Type))
            .ToList();
        if (problems.Count > 0)
            return (problems, null);

        SubMerchantResult result;
        try
        {
            result = existing is null
                ? await _callRunner.CallMarketplaceAsync(settings, (client, context) => client.AddSubMerchantAsync(seller, settings.MarketplaceGuid, context))
                : await _callRunner.CallMarketplaceAsync(settings, (client, context) => client.UpdateSubMerchantAsync(existing.SubMerchantGuid, seller, context));
        }
        catch (ParamGatewayException exception)
        {
            return ([], exception.Message);
        }

        if (!result.Succeeded)
            return ([], ParamErrorCatalog.Describe(result.Error));

        var record = existing ?? new ParamPosMarketplaceSeller
        {
            VendorId = vendorId,
            SubMerchantGuid = result.SubMerchantGuid,
            SellerTypeId = (int)seller.Type,
            MaskedIdentityNumber = Mask(seller.IdentityNumber),
            RegisteredOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        };
        record.Name = seller.Name?.Trim();
        record.Title = seller.Title?.Trim();
        record.Mobile = seller.Mobile;
        record.Iban = seller.Iban;
        record.IbanHolder = seller.IbanHolder?.Trim();
        record.Address = seller.Address?.Trim();
        record.Province = seller.Province;
        record.District = seller.District;
        record.Email = seller.Email?.Trim();
        record.Mcc = seller.Mcc?.Trim();
        record.TaxOffice = seller.TaxOffice?.Trim();
        record.CommissionRate = commissionRate;
        if (existing is null)
        {
            await _records.AddSellerAsync(record);
        }
        else
        {
            record.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await _records.UpdateSellerAsync(record);
        }

        return ([], null);
    }

    #endregion

    #region Utilities

    protected static string Mask(string identityNumber)
    {
        var value = identityNumber?.Trim() ?? string.Empty;

        return value.Length <= 3 ? new string('*', value.Length) : new string('*', value.Length - 3) + value[^3..];
    }

    #endregion
}
