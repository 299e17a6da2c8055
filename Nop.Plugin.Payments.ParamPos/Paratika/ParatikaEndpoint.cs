namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Paratika's API and hosted payment page addresses (Paratika.md §1). The hosted page lives on the API's host, so it is
/// derived from the API URL, which also makes a custom URL (the sandbox) serve both.
/// </summary>
public static class ParatikaEndpoint
{
    private const string API_PATH = "/paratika/api/v2";

    /// <summary>Gets the test (integration) API.</summary>
    public static Uri Test { get; } = new("https://entegrasyon.paratika.com.tr/paratika/api/v2");

    /// <summary>Gets the production API.</summary>
    public static Uri Production { get; } = new("https://vpos.paratika.com.tr/paratika/api/v2");

    /// <summary>
    /// Gets what keeps a custom API URL from being used, in English, or null: it must be an absolute http(s) URL, https
    /// for Paratika's own hosts
    /// </summary>
    public static string CustomUrlProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            return "The Paratika API URL must be an absolute http(s) URL.";
        if (address.Host.EndsWith("paratika.com.tr", StringComparison.OrdinalIgnoreCase) && address.Scheme != Uri.UriSchemeHttps)
            return "Paratika's services are https only.";

        return null;
    }

    /// <summary>
    /// Gets the hosted payment page of a session: /payment/{token} on the API's host (under the same base path as the
    /// API's /paratika/api/v2, when the URL has one)
    /// </summary>
    public static Uri HostedPage(Uri apiUrl, string sessionToken)
    {
        var path = apiUrl.AbsolutePath.TrimEnd('/');
        var basePath = path.EndsWith(API_PATH, StringComparison.OrdinalIgnoreCase) ? path[..^API_PATH.Length] : string.Empty;

        return new Uri(apiUrl, $"{basePath}/payment/{Uri.EscapeDataString(sessionToken)}");
    }
}
