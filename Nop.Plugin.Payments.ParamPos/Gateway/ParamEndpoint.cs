namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Param's TurkPos service URLs (ParamPOS.md §1), and the check of a custom one (a sandbox, a proxy). Production is
/// https only (the certificate is always validated: the client never replaces the platform's validation).
/// </summary>
public static class ParamEndpoint
{
    /// <summary>Param's test service.</summary>
    public static readonly Uri Test = new("https://testposws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    /// <summary>Param's production service.</summary>
    public static readonly Uri Production = new("https://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    /// <summary>Param's test card-storage (KS) service (ParamPOS-more.md §17).</summary>
    public static readonly Uri CardStorageTest = new("https://testposws.param.com.tr/out.ws/service_ks.asmx");

    /// <summary>Param's production card-storage (KS) service (from Param's .NET SDK; Param's page says it is sent separately).</summary>
    public static readonly Uri CardStorageProduction = new("https://posws.param.com.tr/out.ws/service_ks.asmx");

    /// <summary>Param's production marketplace service (Pazaryeri.md §1.1).</summary>
    public static readonly Uri MarketplaceProduction = new("https://posws.param.com.tr/turkpos.ws/service_pazaryeri.asmx");

    /// <summary>The test service that carries the marketplace operations (Pazaryeri.md M1's default).</summary>
    public static readonly Uri MarketplaceTest = new("https://test-dmz.param.com.tr/turkpos.ws/service_turkpos_test.asmx");

    /// <summary>The marketplace path on the host of a custom TurkPos URL (a sandbox serving both).</summary>
    public const string MARKETPLACE_PATH = "/turkpos.ws/service_pazaryeri.asmx";

    /// <summary>The card-storage path on the host of a custom TurkPos URL (a sandbox or proxy serving both).</summary>
    public const string CARD_STORAGE_PATH = "/out.ws/service_ks.asmx";

    /// <summary>
    /// Gets the marketplace service beside a custom TurkPos service: the same scheme, host and port, Param's path
    /// </summary>
    public static Uri MarketplaceBeside(Uri turkPosUrl)
    {
        return new Uri(turkPosUrl, MARKETPLACE_PATH);
    }

    /// <summary>
    /// Gets the card-storage service beside a custom TurkPos service: the same scheme, host and port, Param's KS path
    /// </summary>
    public static Uri CardStorageBeside(Uri turkPosUrl)
    {
        return new Uri(turkPosUrl, CARD_STORAGE_PATH);
    }

    /// <summary>
    /// Gets what is wrong with a custom service URL, in English, or null when it is an absolute http(s) URL.
    /// </summary>
    public static string CustomUrlProblem(string url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "The custom service URL must be an absolute http or https URL.";

        return null;
    }

    /// <summary>
    /// Gets a custom service URL.
    /// </summary>
    /// <exception cref="ParamGatewayException">Not an absolute http(s) URL.</exception>
    public static Uri Custom(string url)
    {
        var problem = CustomUrlProblem(url);
        if (problem is not null)
            throw new ParamGatewayException(ParamFailureKind.Configuration, "(endpoint)", problem, outcomeUnknown: false);

        return new Uri(url.Trim());
    }
}
