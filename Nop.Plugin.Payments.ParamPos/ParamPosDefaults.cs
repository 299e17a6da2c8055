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
    /// Gets the prefix of the locale resources of the plugin's enums
    /// </summary>
    public static string EnumLocalePrefix => "Enums.Nop.Plugin.Payments.ParamPos.";

    /// <summary>
    /// Gets the TurkPos service URLs (Test, Production); ParamPOS.md §1
    /// </summary>
    public static (string Test, string Production) ServiceUrl => (
        "https://testposws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx",
        "https://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    /// <summary>
    /// Gets the service URL of the local sandbox when started with its defaults (README, "The sandbox")
    /// </summary>
    public static string SandboxServiceUrl => "http://127.0.0.1:5271/turkpos.ws/service_turkpos_prod.asmx";

    /// <summary>
    /// Gets the currency code the gateway charges in (3D Model charges Turkish lira)
    /// </summary>
    public static string CurrencyCode => "TRY";

    /// <summary>
    /// Gets the default timeout of one gateway call
    /// </summary>
    public static int DefaultRequestTimeoutSeconds => 30;

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
    /// Represents the plugin's route names
    /// </summary>
    public static class Route
    {
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
        /// Gets the route name of the payment result page
        /// </summary>
        public static string Result => "Plugin.Payments.ParamPos.Result";

        /// <summary>
        /// Gets the route name of the "pay again" action for a pending order
        /// </summary>
        public static string Retry => "Plugin.Payments.ParamPos.Retry";
    }
}
