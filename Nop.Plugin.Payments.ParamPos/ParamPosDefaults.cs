using Nop.Core.Caching;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.ParamPos;

/// <summary>
/// Represents the plugin constants
/// </summary>
public static class ParamPosDefaults
{
    /// <summary>
    /// Gets the plugin system name
    /// </summary>
    public static string SystemName => "Payments.ParamPos";

    /// <summary>
    /// Gets the prefix of every locale resource of the plugin
    /// </summary>
    public static string LocalePrefix => "Plugins.Payments.ParamPos.";

    /// <summary>
    /// Gets the locale resource of the plugin's name per language (nopCommerce reads "Plugins.FriendlyName." + system name)
    /// </summary>
    public static string FriendlyNameResource => "Plugins.FriendlyName.Payments.ParamPos";

    /// <summary>
    /// Gets the prefix of the locale resources of the plugin's enums
    /// </summary>
    public static string EnumLocalePrefix => "Enums.Nop.Plugin.Payments.ParamPos.";

    /// <summary>
    /// Gets the service URL of the local sandbox when started with its defaults (README, "The sandbox")
    /// </summary>
    public static string SandboxServiceUrl => "http://127.0.0.1:5271/turkpos.ws/service_turkpos_prod.asmx";

    /// <summary>
    /// Gets the Paratika API URL of the local sandbox when started with its defaults
    /// </summary>
    public static string SandboxParatikaApiUrl => "http://127.0.0.1:5271/paratika/api/v2";

    /// <summary>
    /// Gets the currency code the gateway charges in (3D Model charges Turkish lira)
    /// </summary>
    public static string CurrencyCode => "TRY";

    /// <summary>
    /// Gets the default timeout of one gateway call
    /// </summary>
    public static int DefaultRequestTimeoutSeconds => 30;

    /// <summary>
    /// Gets after how many days an uncaptured authorization is flagged. Param's documents do not say when a bank
    /// releases a pre-authorization (README, "Open question: how long a hold lasts"); card schemes let issuers release
    /// holds after about 7 days, so a week is the safe default. Stores set their own.
    /// </summary>
    public static int DefaultAuthorizationWarningDays => 7;

    /// <summary>
    /// Gets the name of the view component rendering the payment info form
    /// </summary>
    public static string PaymentInfoViewComponentName => "ParamPosPaymentInfo";

    /// <summary>
    /// Gets the path of the plugin's views
    /// </summary>
    public static string ViewsPath => "~/Plugins/Payments.ParamPos/Views/";

    /// <summary>
    /// Gets the schedule task that settles pending orders
    /// </summary>
    public static (string Name, string Type, int Seconds) ReconciliationTask => (
        "ParamPOS: settle pending payments",
        "Nop.Plugin.Payments.ParamPos.Payments.ReconciliationTask",
        300);

    /// <summary>
    /// Gets the schedule task that retries the marketplace share declarations that failed
    /// </summary>
    public static (string Name, string Type, int Seconds) MarketplaceRetryTask => (
        "ParamPOS: retry the marketplace share declarations that failed",
        "Nop.Plugin.Payments.ParamPos.Payments.MarketplaceRetryTask",
        600);

    /// <summary>
    /// Gets the schedule task that checks each store's previous day against Param's records
    /// </summary>
    public static (string Name, string Type, int Seconds) DailyReconciliationTask => (
        "ParamPOS: check yesterday against Param's records",
        "Nop.Plugin.Payments.ParamPos.Payments.DailyReconciliationTask",
        3600);

    /// <summary>
    /// Gets the prefix of every cache key of the plugin
    /// </summary>
    public static string CachePrefix => "Nop.paramPos.";

    /// <summary>
    /// Gets the cache key of a merchant account's rate table
    /// </summary>
    /// <remarks>{0} : account key. Holds a RateTable (the list and when it was fetched); the list alone was cached under
    /// "Nop.paramPos.rates.{0}" before, a key a shared cache may still hold after an upgrade.</remarks>
    public static CacheKey RatesCacheKey => new("Nop.paramPos.ratetable.{0}");

    /// <summary>
    /// Gets the cache key of a merchant account's whole BIN table
    /// </summary>
    /// <remarks>{0} : account key</remarks>
    public static CacheKey BinTableCacheKey => new("Nop.paramPos.bintable.{0}");

    /// <summary>
    /// Gets the cache key of a BIN lookup
    /// </summary>
    /// <remarks>{0} : account key; {1} : BIN</remarks>
    public static CacheKey BinCacheKey => new("Nop.paramPos.bin.{0}.{1}");

    /// <summary>
    /// Gets the cache key of a shopper's count of uncached BIN lookups
    /// </summary>
    /// <remarks>{0} : "customer" or "ip"; {1} : customer id or IP address</remarks>
    public static CacheKey BinLookupCountKey => new("Nop.paramPos.binlookups.{0}.{1}");

    /// <summary>
    /// Gets how many BINs unknown to the cache the quote endpoint looks up at Param per customer and per IP address within the window
    /// </summary>
    public static (int PerCustomer, int PerIpAddress, TimeSpan Window) BinLookupLimits => (10, 30, TimeSpan.FromMinutes(10));

    /// <summary>
    /// Gets how old an unsuccessful marketplace approval change must be before the retry task settles it (a younger one
    /// may still be under way on another node)
    /// </summary>
    public static TimeSpan MarketplaceApprovalSettleAfter => TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how many changes of one share's approval the retry task makes at most (Param keeps refusing a share it has
    /// cancelled or refunded)
    /// </summary>
    public static int MarketplaceApprovalMaxChanges => 6;

    /// <summary>
    /// Gets the cache key of card details waiting for TP_WMD_UCD (encrypted)
    /// </summary>
    /// <remarks>{0} : hash of the reference</remarks>
    public static CacheKey CardCacheKey => new("Nop.paramPos.card.{0}");

    /// <summary>
    /// Gets the cache key of the vault reference of a card waiting to be saved at Param once its payment succeeds
    /// </summary>
    /// <remarks>{0} : the attempt's Siparis_ID</remarks>
    public static CacheKey CardToSaveCacheKey => new("Nop.paramPos.cardtosave.{0}");

    /// <summary>
    /// Gets the cache key of the bank's 3-D page of an order (encrypted)
    /// </summary>
    /// <remarks>{0} : order GUID</remarks>
    public static CacheKey ThreeDPageCacheKey => new("Nop.paramPos.threed.{0}");

    /// <summary>
    /// Gets how long card details and the bank's page are kept
    /// </summary>
    public static int SecretCacheMinutes => 15;

    /// <summary>
    /// Gets the generic attribute holding the customer's installment choice (per store)
    /// </summary>
    public static string InstallmentChoiceAttribute => "ParamPos.InstallmentChoice";

    /// <summary>
    /// Gets the name of the custom value carrying the card reference in the payment request (removed before the order is saved)
    /// </summary>
    public static string CardReferenceCustomValue => "ParamPos.CardReference";

    /// <summary>
    /// Gets the name of the custom value carrying the reference of a saved-card choice and its CVC (removed before the order is saved)
    /// </summary>
    public static string SavedCardReferenceCustomValue => "ParamPos.SavedCardReference";

    /// <summary>
    /// Gets the product page widget zones the installment table can be placed in (nopCommerce's product details zones)
    /// </summary>
    public static IReadOnlyList<string> ProductWidgetZones { get; } =
    [
        PublicWidgetZones.ProductDetailsOverviewBottom,
        PublicWidgetZones.ProductPriceBottom,
        PublicWidgetZones.ProductDetailsAddInfo,
        PublicWidgetZones.ProductDetailsEssentialBottom,
        PublicWidgetZones.ProductDetailsBottom
    ];

    /// <summary>
    /// Gets the My account menu tab of the saved cards page (nopCommerce's own tabs are 0–150)
    /// </summary>
    public static int SavedCardsMenuTab => 1750;

    /// <summary>
    /// Represents the plugin's route names
    /// </summary>
    public static class Route
    {
        /// <summary>Gets the route pattern of the bank's callback (Basarili_URL and Hata_URL).</summary>
        public static string CallbackPattern => "Plugins/ParamPos/Callback";

        /// <summary>Gets the route pattern of the bank's 3D Pay result POST (TURKPOS_RETVAL_*; Basarili_URL and Hata_URL).</summary>
        public static string ReturnPattern => "Plugins/ParamPos/Return";

        /// <summary>Gets the route pattern of Paratika's return POST from the hosted payment page (RETURNURL).</summary>
        public static string ParatikaReturnPattern => "Plugins/ParamPos/ParatikaReturn";

        /// <summary>Gets the route pattern of the installment quote endpoint.</summary>
        public static string QuotePattern => "Plugins/ParamPos/Quote";

        /// <summary>Gets the route pattern of the 3-D page.</summary>
        public static string ThreeDSecurePattern => "Plugins/ParamPos/ThreeDSecure/{orderGuid:guid}/{nonce}";

        /// <summary>Gets the route pattern of the result page.</summary>
        public static string ResultPattern => "Plugins/ParamPos/Result/{orderGuid:guid}";

        /// <summary>Gets the route pattern of the pay-again page.</summary>
        public static string PayAgainPattern => "Plugins/ParamPos/PayAgain/{orderGuid:guid}";

        /// <summary>Gets the route pattern of the customer's saved cards page (My account).</summary>
        public static string SavedCardsPattern => "Plugins/ParamPos/SavedCards";

        /// <summary>Gets the route pattern of deleting a saved card (POST).</summary>
        public static string SavedCardDeletePattern => "Plugins/ParamPos/SavedCards/Delete";

        /// <summary>Gets the route name of the customer's saved cards page.</summary>
        public static string SavedCards => "Plugin.Payments.ParamPos.SavedCards";

        /// <summary>Gets the route name of deleting a saved card.</summary>
        public static string SavedCardDelete => "Plugin.Payments.ParamPos.SavedCardDelete";

        /// <summary>Gets the route pattern the product page's installment table is asked for again with the chosen attributes (POST).</summary>
        public static string InstallmentWidgetPattern => "Plugins/ParamPos/InstallmentWidget/{productId:int}";

        /// <summary>Gets the route name of the product page's installment table.</summary>
        public static string InstallmentWidget => "Plugin.Payments.ParamPos.InstallmentWidget";

        /// <summary>Gets the path of a product's installment table (relative to the store location).</summary>
        public static string InstallmentWidgetPath(int productId) => Fill(InstallmentWidgetPattern, productId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Gets the path of the 3-D page of an order (relative to the store location).</summary>
        public static string ThreeDSecurePath(Guid orderGuid, string nonce) => Fill(ThreeDSecurePattern, orderGuid.ToString(), nonce);

        /// <summary>Gets the path of the result page of an order (relative to the store location).</summary>
        public static string ResultPath(Guid orderGuid) => Fill(ResultPattern, orderGuid.ToString());

        /// <summary>Gets the path of the pay-again page of an order (relative to the store location).</summary>
        public static string PayAgainPath(Guid orderGuid) => Fill(PayAgainPattern, orderGuid.ToString());

        /// <summary>Fills a pattern's parameters, in order, with escaped values.</summary>
        private static string Fill(string pattern, params string[] values)
        {
            var index = 0;

            return System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", _ => Uri.EscapeDataString(values[index++]));
        }

        /// <summary>
        /// Gets the route name of the installment quote endpoint (checkout)
        /// </summary>
        public static string Quote => "Plugin.Payments.ParamPos.Quote";

        /// <summary>
        /// Gets the route name of the page that renders the bank's 3-D Secure form
        /// </summary>
        public static string ThreeDSecure => "Plugin.Payments.ParamPos.ThreeDSecure";

        /// <summary>
        /// Gets the route name of the bank's callback (Basarili_URL and Hata_URL)
        /// </summary>
        public static string Callback => "Plugin.Payments.ParamPos.Callback";

        /// <summary>
        /// Gets the route name of the bank's 3D Pay result (Basarili_URL and Hata_URL of Pos_Odeme and TP_Islem_Odeme_WD)
        /// </summary>
        public static string Return => "Plugin.Payments.ParamPos.Return";

        /// <summary>
        /// Gets the route name of Paratika's return POST (RETURNURL of a payment session)
        /// </summary>
        public static string ParatikaReturn => "Plugin.Payments.ParamPos.ParatikaReturn";

        /// <summary>
        /// Gets the route name of the payment result page
        /// </summary>
        public static string Result => "Plugin.Payments.ParamPos.Result";

        /// <summary>
        /// Gets the route name of the "pay again" action for a pending order
        /// </summary>
        public static string PayAgain => "Plugin.Payments.ParamPos.PayAgain";
    }
}
