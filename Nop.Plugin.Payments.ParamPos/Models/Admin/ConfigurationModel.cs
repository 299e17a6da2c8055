using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the configuration page; every setting can be overridden per store. Secrets are never sent to the
/// browser: the fields are empty, <see cref="HasClientPassword"/>, <see cref="HasGuid"/>, <see cref="HasParatikaMerchantPassword"/>
/// and <see cref="HasParatikaSecretKey"/> say whether one is stored,
/// and an empty field on save keeps the stored value.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.Environment")]
    public int EnvironmentId { get; set; }

    public bool EnvironmentId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.CustomServiceUrl")]
    public string CustomServiceUrl { get; set; }

    public bool CustomServiceUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.CustomCardStorageUrl")]
    public string CustomCardStorageUrl { get; set; }

    public bool CustomCardStorageUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.InstallmentWidgetZone")]
    public string InstallmentWidgetZone { get; set; }

    public bool InstallmentWidgetZone_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.InstallmentWidgetInCart")]
    public bool InstallmentWidgetInCart { get; set; }

    public bool InstallmentWidgetInCart_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.InstallmentWidgetCardFamilies")]
    public IList<int> InstallmentWidgetCardFamilyIds { get; set; } = new List<int>();

    public bool InstallmentWidgetCardFamilyIds_OverrideForStore { get; set; }

    /// <summary>Gets or sets the product page zones the installment table can be placed in (and "not shown")</summary>
    public IList<SelectListItem> AvailableInstallmentWidgetZones { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets the card families of the cached rate list (checked: shown), or none while the list is not loaded</summary>
    public IList<SelectListItem> AvailableCardFamilies { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceMode")]
    public bool MarketplaceMode { get; set; }

    public bool MarketplaceMode_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceGuid")]
    public string MarketplaceGuid { get; set; }

    public bool MarketplaceGuid_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.CustomMarketplaceUrl")]
    public string CustomMarketplaceUrl { get; set; }

    public bool CustomMarketplaceUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceParamCommissionRate")]
    public decimal MarketplaceParamCommissionRate { get; set; }

    public bool MarketplaceParamCommissionRate_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceDefaultCommissionRate")]
    public decimal MarketplaceDefaultCommissionRate { get; set; }

    public bool MarketplaceDefaultCommissionRate_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceRefuseUnregisteredVendors")]
    public bool MarketplaceRefuseUnregisteredVendors { get; set; }

    public bool MarketplaceRefuseUnregisteredVendors_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceCommissionBearer")]
    public int MarketplaceCommissionBearerId { get; set; }

    public bool MarketplaceCommissionBearerId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceShippingToVendors")]
    public bool MarketplaceShippingToVendors { get; set; }

    public bool MarketplaceShippingToVendors_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceFundsDiscounts")]
    public bool MarketplaceFundsDiscounts { get; set; }

    public bool MarketplaceFundsDiscounts_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MarketplaceApprovalTrigger")]
    public int MarketplaceApprovalTriggerId { get; set; }

    public bool MarketplaceApprovalTriggerId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.OfferSavedCards")]
    public bool OfferSavedCards { get; set; }

    public bool OfferSavedCards_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ClientCode")]
    public string ClientCode { get; set; }

    public bool ClientCode_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ClientUsername")]
    public string ClientUsername { get; set; }

    public bool ClientUsername_OverrideForStore { get; set; }

    [DataType(DataType.Password)]
    [NoTrim]
    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ClientPassword")]
    public string ClientPassword { get; set; }

    public bool ClientPassword_OverrideForStore { get; set; }

    [DataType(DataType.Password)]
    [NoTrim]
    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.Guid")]
    public string Guid { get; set; }

    public bool Guid_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.PaymentMode")]
    public int PaymentModeId { get; set; }

    public bool PaymentModeId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaEnvironment")]
    public int ParatikaEnvironmentId { get; set; }

    public bool ParatikaEnvironmentId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaCustomApiUrl")]
    public string ParatikaCustomApiUrl { get; set; }

    public bool ParatikaCustomApiUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaMerchant")]
    public string ParatikaMerchant { get; set; }

    public bool ParatikaMerchant_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaMerchantUser")]
    public string ParatikaMerchantUser { get; set; }

    public bool ParatikaMerchantUser_OverrideForStore { get; set; }

    [DataType(DataType.Password)]
    [NoTrim]
    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaMerchantPassword")]
    public string ParatikaMerchantPassword { get; set; }

    public bool ParatikaMerchantPassword_OverrideForStore { get; set; }

    [DataType(DataType.Password)]
    [NoTrim]
    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ParatikaSecretKey")]
    public string ParatikaSecretKey { get; set; }

    public bool ParatikaSecretKey_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.PaymentModel")]
    public int PaymentModelId { get; set; }

    public bool PaymentModelId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ForeignCurrencies")]
    public string ForeignCurrencies { get; set; }

    public bool ForeignCurrencies_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.TransactionMode")]
    public int TransactionModeId { get; set; }

    public bool TransactionModeId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.AuthorizationWarningDays")]
    public int AuthorizationWarningDays { get; set; }

    public bool AuthorizationWarningDays_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.InstallmentsEnabled")]
    public bool InstallmentsEnabled { get; set; }

    public bool InstallmentsEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MaximumInstallments")]
    public int MaximumInstallments { get; set; }

    public bool MaximumInstallments_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.MinimumAmountForInstallments")]
    public decimal MinimumAmountForInstallments { get; set; }

    public bool MinimumAmountForInstallments_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.CommissionPayer")]
    public int CommissionPayerId { get; set; }

    public bool CommissionPayerId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.RateCacheMinutes")]
    public int RateCacheMinutes { get; set; }

    public bool RateCacheMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.BinCacheMinutes")]
    public int BinCacheMinutes { get; set; }

    public bool BinCacheMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.RequestTimeoutSeconds")]
    public int RequestTimeoutSeconds { get; set; }

    public bool RequestTimeoutSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.AcceptedMdStatuses")]
    public string AcceptedMdStatuses { get; set; }

    public bool AcceptedMdStatuses_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.FailedPaymentAction")]
    public int FailedPaymentActionId { get; set; }

    public bool FailedPaymentActionId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ReconciliationDelayMinutes")]
    public int ReconciliationDelayMinutes { get; set; }

    public bool ReconciliationDelayMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.ReconciliationDeadlineHours")]
    public int ReconciliationDeadlineHours { get; set; }

    public bool ReconciliationDeadlineHours_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.ParamPos.Fields.TransactionLogDetail")]
    public int TransactionLogDetailId { get; set; }

    public bool TransactionLogDetailId_OverrideForStore { get; set; }

    /// <summary>Gets or sets a value indicating whether a password is stored (shown as a placeholder, never echoed)</summary>
    public bool HasClientPassword { get; set; }

    /// <summary>Gets or sets a value indicating whether a GUID is stored</summary>
    public bool HasGuid { get; set; }

    /// <summary>Gets or sets the placeholder of the password field ("stored, leave empty to keep" or empty)</summary>
    public string ClientPasswordPlaceholder { get; set; }

    /// <summary>Gets or sets the placeholder of the GUID field</summary>
    public string GuidPlaceholder { get; set; }

    /// <summary>Gets or sets a value indicating whether a Paratika API password is stored</summary>
    public bool HasParatikaMerchantPassword { get; set; }

    /// <summary>Gets or sets a value indicating whether a Paratika secret key is stored</summary>
    public bool HasParatikaSecretKey { get; set; }

    /// <summary>Gets or sets the placeholder of the Paratika password field</summary>
    public string ParatikaMerchantPasswordPlaceholder { get; set; }

    /// <summary>Gets or sets the placeholder of the Paratika secret key field</summary>
    public string ParatikaSecretKeyPlaceholder { get; set; }

    public IList<SelectListItem> AvailableParatikaEnvironments { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableEnvironments { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailablePaymentModes { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableTransactionModes { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableMarketplaceApprovalTriggers { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableMarketplaceCommissionBearers { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailablePaymentModels { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets the store's orders whose pre-authorization waits for capture, oldest first</summary>
    public IList<PendingCaptureModel> PendingCaptures { get; set; } = new List<PendingCaptureModel>();

    /// <summary>Gets or sets a value indicating whether orders wait for capture although the mode is Sale (Capture and Void are hidden)</summary>
    public bool PendingCapturesHidden { get; set; }

    public IList<SelectListItem> AvailableCommissionPayers { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableFailedPaymentActions { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableTransactionLogDetails { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets why the method cannot take payments now (shown at the top of the page)</summary>
    public IList<string> Warnings { get; set; } = new List<string>();

    /// <summary>Gets or sets the rates the shopper will see</summary>
    public RatesPreviewModel RatesPreview { get; set; } = new();

    /// <summary>
    /// Names the model without its members: a record would print the posted password and GUID wherever it is logged
    /// </summary>
    public override string ToString()
    {
        return $"{nameof(ConfigurationModel)} {{ ClientCode = {ClientCode}, ParatikaMerchant = {ParatikaMerchant}, store scope {ActiveStoreScopeConfiguration}, secrets hidden }}";
    }
}
