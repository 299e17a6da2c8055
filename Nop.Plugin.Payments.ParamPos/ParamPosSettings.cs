using Nop.Core.Configuration;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos;

/// <summary>
/// Represents the plugin settings (stored per store by nopCommerce's setting service)
/// </summary>
public class ParamPosSettings : ISettings
{
    /// <summary>
    /// Gets or sets the TurkPos service the store talks to
    /// </summary>
    public ParamEnvironment Environment { get; set; }

    /// <summary>
    /// Gets or sets the service URL used when <see cref="Environment"/> is Custom (e.g. the local sandbox)
    /// </summary>
    public string CustomServiceUrl { get; set; }

    /// <summary>
    /// Gets or sets the terminal number issued by Param (CLIENT_CODE)
    /// </summary>
    public string ClientCode { get; set; }

    /// <summary>
    /// Gets or sets the API user name (CLIENT_USERNAME)
    /// </summary>
    public string ClientUsername { get; set; }

    /// <summary>
    /// Gets or sets the API password (CLIENT_PASSWORD)
    /// </summary>
    public string ClientPassword { get; set; }

    /// <summary>
    /// Gets or sets the merchant key (GUID, "Üye İşyeri Anahtarı"); secret, part of the 3D callback hash
    /// </summary>
    public string Guid { get; set; }

    /// <summary>
    /// Gets or sets how the shopper pays
    /// </summary>
    public PaymentMode PaymentMode { get; set; }

    /// <summary>
    /// Gets or sets the Paratika API the store talks to in the hosted payment page mode
    /// </summary>
    public ParatikaEnvironment ParatikaEnvironment { get; set; }

    /// <summary>
    /// Gets or sets the Paratika API URL used when <see cref="ParatikaEnvironment"/> is Custom (e.g. the local sandbox);
    /// the hosted page is on the same host
    /// </summary>
    public string ParatikaCustomApiUrl { get; set; }

    /// <summary>
    /// Gets or sets the Paratika merchant number (MERCHANT)
    /// </summary>
    public string ParatikaMerchant { get; set; }

    /// <summary>
    /// Gets or sets the Paratika API user's e-mail (MERCHANTUSER)
    /// </summary>
    public string ParatikaMerchantUser { get; set; }

    /// <summary>
    /// Gets or sets the Paratika API user's password (MERCHANTPASSWORD); secret
    /// </summary>
    public string ParatikaMerchantPassword { get; set; }

    /// <summary>
    /// Gets or sets the Paratika merchant's secret key, which checks the hosted page's return (sdSha512); secret, never sent
    /// </summary>
    public string ParatikaSecretKey { get; set; }

    /// <summary>
    /// Gets or sets which of Param's payment models the merchant is contracted for (3D Model or 3D Pay)
    /// </summary>
    public PaymentModel PaymentModel { get; set; }

    /// <summary>
    /// Gets or sets the foreign currencies shoppers may pay in, comma-separated ("USD,EUR"; Param takes USD, EUR and GBP),
    /// or empty for Turkish lira only
    /// </summary>
    public string ForeignCurrencies { get; set; }

    /// <summary>
    /// Gets or sets whether the card is charged at checkout (Sale) or only authorized, to be captured later
    /// </summary>
    public TransactionMode TransactionMode { get; set; }

    /// <summary>
    /// Gets or sets after how many days an authorization not yet captured is flagged as at risk of being released by the bank
    /// </summary>
    public int AuthorizationWarningDays { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether installments are offered
    /// </summary>
    public bool InstallmentsEnabled { get; set; }

    /// <summary>
    /// Gets or sets the highest installment count offered (1–12)
    /// </summary>
    public int MaximumInstallments { get; set; }

    /// <summary>
    /// Gets or sets the order amount (primary store currency) below which only single payment is offered
    /// </summary>
    public decimal MinimumAmountForInstallments { get; set; }

    /// <summary>
    /// Gets or sets who bears the installment commission
    /// </summary>
    public CommissionPayer CommissionPayer { get; set; }

    /// <summary>
    /// Gets or sets how long the rate table (TP_Ozel_Oran_SK_Liste) is cached, in minutes
    /// </summary>
    public int RateCacheMinutes { get; set; }

    /// <summary>
    /// Gets or sets how long a BIN lookup (BIN_SanalPos) is cached, in minutes
    /// </summary>
    public int BinCacheMinutes { get; set; }

    /// <summary>
    /// Gets or sets the timeout of one gateway call, in seconds
    /// </summary>
    public int RequestTimeoutSeconds { get; set; }

    /// <summary>
    /// Gets or sets the mdStatus values that let a 3D callback complete the payment, comma-separated ("1" by default; Param's document also lists 2, 3, 4 for half 3D)
    /// </summary>
    public string AcceptedMdStatuses { get; set; }

    /// <summary>
    /// Gets or sets what happens to the pending order when the payment fails
    /// </summary>
    public FailedPaymentAction FailedPaymentAction { get; set; }

    /// <summary>
    /// Gets or sets after how many minutes a pending order is checked with Param by the reconciliation task
    /// </summary>
    public int ReconciliationDelayMinutes { get; set; }

    /// <summary>
    /// Gets or sets after how many hours the reconciliation task stops asking and leaves the order to the merchant
    /// </summary>
    public int ReconciliationDeadlineHours { get; set; }

    /// <summary>
    /// Gets or sets how much gateway traffic is logged (always redacted)
    /// </summary>
    public TransactionLogDetail TransactionLogDetail { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether registered customers may store a card at Param (its card-storage service) and pay with it again
    /// </summary>
    public bool OfferSavedCards { get; set; }

    /// <summary>
    /// Gets or sets the card-storage service URL when the environment is Custom; empty: the same host as the custom service URL, Param's path
    /// </summary>
    public string CustomCardStorageUrl { get; set; }

    /// <summary>
    /// Gets or sets the product page widget zone the installment table is shown in; empty: not on the product page
    /// </summary>
    public string InstallmentWidgetZone { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the installment table is shown in the shopping cart
    /// </summary>
    public bool InstallmentWidgetInCart { get; set; }

    /// <summary>
    /// Gets or sets the card families the installment table shows (Param's SanalPOS_IDs, comma-separated); empty: all
    /// </summary>
    public string InstallmentWidgetCardFamilies { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the store is a marketplace paying its vendors through Param's marketplace service
    /// </summary>
    public bool MarketplaceMode { get; set; }

    /// <summary>
    /// Gets or sets the marketplace's GUID at Param (ETS_GUID)
    /// </summary>
    public string MarketplaceGuid { get; set; }

    /// <summary>
    /// Gets or sets the marketplace service URL when the environment is Custom; empty: the same host as the custom service URL, Param's path
    /// </summary>
    public string CustomMarketplaceUrl { get; set; }

    /// <summary>
    /// Gets or sets what Param keeps of a marketplace payment, in percent (the net the sellers' shares come from, while Param's answer does not carry it)
    /// </summary>
    public decimal MarketplaceParamCommissionRate { get; set; }

    /// <summary>
    /// Gets or sets the marketplace's own commission on a vendor's goods, in percent, for vendors without their own rate
    /// </summary>
    public decimal MarketplaceDefaultCommissionRate { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the checkout refuses a cart with goods of a vendor not registered as a seller at Param
    /// (otherwise that vendor's share stays with the marketplace)
    /// </summary>
    public bool MarketplaceRefuseUnregisteredVendors { get; set; }

    /// <summary>
    /// Gets or sets who bears Param's commission on marketplace payments
    /// </summary>
    public MarketplaceCommissionBearer MarketplaceCommissionBearer { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether an order's shipping is shared by its vendors (otherwise the marketplace keeps it)
    /// </summary>
    public bool MarketplaceShippingToVendors { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the marketplace funds order-level discounts (otherwise the vendors share them)
    /// </summary>
    public bool MarketplaceFundsDiscounts { get; set; }

    /// <summary>
    /// Gets or sets when a vendor's declared share is approved for payout
    /// </summary>
    public MarketplaceApprovalTrigger MarketplaceApprovalTrigger { get; set; }

    /// <summary>
    /// Gets a copy of settings (e.g. to try a form's values without touching the loaded ones)
    /// </summary>
    public static ParamPosSettings CopyOf(ParamPosSettings settings)
    {
        return (ParamPosSettings)settings.MemberwiseClone();
    }
}
