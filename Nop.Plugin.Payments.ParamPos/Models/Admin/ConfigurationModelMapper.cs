using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Copies settings to the form and the form back to settings. Secrets go one way only: into settings, and only when typed.
/// </summary>
public static class ConfigurationModelMapper
{
    public static ConfigurationModel ToModel(ParamPosSettings settings)
    {
        return new ConfigurationModel
        {
            EnvironmentId = (int)settings.Environment,
            CustomServiceUrl = settings.CustomServiceUrl,
            CustomCardStorageUrl = settings.CustomCardStorageUrl,
            OfferSavedCards = settings.OfferSavedCards,
            MarketplaceMode = settings.MarketplaceMode,
            MarketplaceGuid = settings.MarketplaceGuid ?? string.Empty,
            CustomMarketplaceUrl = settings.CustomMarketplaceUrl ?? string.Empty,
            MarketplaceParamCommissionRate = settings.MarketplaceParamCommissionRate,
            MarketplaceDefaultCommissionRate = settings.MarketplaceDefaultCommissionRate,
            MarketplaceRefuseUnregisteredVendors = settings.MarketplaceRefuseUnregisteredVendors,
            MarketplaceApprovalTriggerId = (int)settings.MarketplaceApprovalTrigger,
            MarketplaceCommissionBearerId = (int)settings.MarketplaceCommissionBearer,
            MarketplaceShippingToVendors = settings.MarketplaceShippingToVendors,
            MarketplaceFundsDiscounts = settings.MarketplaceFundsDiscounts,
            InstallmentWidgetZone = settings.InstallmentWidgetZone ?? string.Empty,
            InstallmentWidgetInCart = settings.InstallmentWidgetInCart,
            InstallmentWidgetCardFamilyIds = InstallmentTableBuilder.Families(settings.InstallmentWidgetCardFamilies).Order().ToList(),
            ClientCode = settings.ClientCode,
            ClientUsername = settings.ClientUsername,
            ClientPassword = string.Empty,
            HasClientPassword = !string.IsNullOrEmpty(settings.ClientPassword),
            Guid = string.Empty,
            HasGuid = !string.IsNullOrEmpty(settings.Guid),
            PaymentModeId = (int)settings.PaymentMode,
            ParatikaEnvironmentId = (int)settings.ParatikaEnvironment,
            ParatikaCustomApiUrl = settings.ParatikaCustomApiUrl,
            ParatikaMerchant = settings.ParatikaMerchant,
            ParatikaMerchantUser = settings.ParatikaMerchantUser,
            ParatikaMerchantPassword = string.Empty,
            HasParatikaMerchantPassword = !string.IsNullOrEmpty(settings.ParatikaMerchantPassword),
            ParatikaSecretKey = string.Empty,
            HasParatikaSecretKey = !string.IsNullOrEmpty(settings.ParatikaSecretKey),
            PaymentModelId = (int)settings.PaymentModel,
            ForeignCurrencies = settings.ForeignCurrencies ?? string.Empty,
            TransactionModeId = (int)settings.TransactionMode,
            AuthorizationWarningDays = settings.AuthorizationWarningDays > 0 ? settings.AuthorizationWarningDays : ParamPosDefaults.DefaultAuthorizationWarningDays,
            InstallmentsEnabled = settings.InstallmentsEnabled,
            MaximumInstallments = settings.MaximumInstallments,
            MinimumAmountForInstallments = settings.MinimumAmountForInstallments,
            CommissionPayerId = (int)settings.CommissionPayer,
            RateCacheMinutes = settings.RateCacheMinutes,
            BinCacheMinutes = settings.BinCacheMinutes,
            RequestTimeoutSeconds = settings.RequestTimeoutSeconds,
            AcceptedMdStatuses = settings.AcceptedMdStatuses,
            FailedPaymentActionId = (int)settings.FailedPaymentAction,
            ReconciliationDelayMinutes = settings.ReconciliationDelayMinutes,
            ReconciliationDeadlineHours = settings.ReconciliationDeadlineHours,
            TransactionLogDetailId = (int)settings.TransactionLogDetail
        };
    }

    /// <summary>
    /// Writes the form into settings; an empty secret field (password, GUID, Paratika password, secret key) keeps the stored value
    /// </summary>
    public static void Apply(ConfigurationModel model, ParamPosSettings settings)
    {
        settings.Environment = (ParamEnvironment)model.EnvironmentId;
        settings.CustomServiceUrl = model.CustomServiceUrl?.Trim();
        settings.CustomCardStorageUrl = model.CustomCardStorageUrl?.Trim() ?? string.Empty;
        settings.OfferSavedCards = model.OfferSavedCards;
        settings.MarketplaceMode = model.MarketplaceMode;
        settings.MarketplaceGuid = model.MarketplaceGuid?.Trim() ?? string.Empty;
        settings.CustomMarketplaceUrl = model.CustomMarketplaceUrl?.Trim() ?? string.Empty;
        settings.MarketplaceParamCommissionRate = model.MarketplaceParamCommissionRate;
        settings.MarketplaceDefaultCommissionRate = model.MarketplaceDefaultCommissionRate;
        settings.MarketplaceRefuseUnregisteredVendors = model.MarketplaceRefuseUnregisteredVendors;
        settings.MarketplaceApprovalTrigger = (MarketplaceApprovalTrigger)model.MarketplaceApprovalTriggerId;
        settings.MarketplaceCommissionBearer = (MarketplaceCommissionBearer)model.MarketplaceCommissionBearerId;
        settings.MarketplaceShippingToVendors = model.MarketplaceShippingToVendors;
        settings.MarketplaceFundsDiscounts = model.MarketplaceFundsDiscounts;
        settings.InstallmentWidgetZone = model.InstallmentWidgetZone?.Trim() ?? string.Empty;
        settings.InstallmentWidgetInCart = model.InstallmentWidgetInCart;
        settings.InstallmentWidgetCardFamilies = string.Join(",", (model.InstallmentWidgetCardFamilyIds ?? []).Where(posId => posId > 0).Distinct().Order());
        settings.ClientCode = model.ClientCode?.Trim();
        settings.ClientUsername = model.ClientUsername?.Trim();
        if (!string.IsNullOrEmpty(model.ClientPassword))
            settings.ClientPassword = model.ClientPassword;
        if (!string.IsNullOrWhiteSpace(model.Guid))
            settings.Guid = model.Guid.Trim().ToLowerInvariant();
        settings.PaymentMode = (PaymentMode)model.PaymentModeId;
        settings.ParatikaEnvironment = (ParatikaEnvironment)model.ParatikaEnvironmentId;
        settings.ParatikaCustomApiUrl = model.ParatikaCustomApiUrl?.Trim();
        settings.ParatikaMerchant = model.ParatikaMerchant?.Trim();
        settings.ParatikaMerchantUser = model.ParatikaMerchantUser?.Trim();
        if (!string.IsNullOrEmpty(model.ParatikaMerchantPassword))
            settings.ParatikaMerchantPassword = model.ParatikaMerchantPassword;
        if (!string.IsNullOrWhiteSpace(model.ParatikaSecretKey))
            settings.ParatikaSecretKey = model.ParatikaSecretKey.Trim();
        settings.PaymentModel = (PaymentModel)model.PaymentModelId;
        settings.ForeignCurrencies = string.Join(",", (model.ForeignCurrencies ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToUpperInvariant()).Distinct());
        settings.TransactionMode = (TransactionMode)model.TransactionModeId;
        settings.AuthorizationWarningDays = model.AuthorizationWarningDays;
        settings.InstallmentsEnabled = model.InstallmentsEnabled;
        settings.MaximumInstallments = model.MaximumInstallments;
        settings.MinimumAmountForInstallments = model.MinimumAmountForInstallments;
        settings.CommissionPayer = (CommissionPayer)model.CommissionPayerId;
        settings.RateCacheMinutes = model.RateCacheMinutes;
        settings.BinCacheMinutes = model.BinCacheMinutes;
        settings.RequestTimeoutSeconds = model.RequestTimeoutSeconds;
        settings.AcceptedMdStatuses = string.Join(",", (model.AcceptedMdStatuses ?? "1").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        settings.FailedPaymentAction = (FailedPaymentAction)model.FailedPaymentActionId;
        settings.ReconciliationDelayMinutes = model.ReconciliationDelayMinutes;
        settings.ReconciliationDeadlineHours = model.ReconciliationDeadlineHours;
        settings.TransactionLogDetail = (TransactionLogDetail)model.TransactionLogDetailId;
    }
}
