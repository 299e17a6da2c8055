using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Resolves the service URL of an environment. Production is https only (the certificate is always validated: the
/// client never replaces the platform's validation).
/// </summary>
public static class ParamEndpoint
{
    /// <summary>Param's test service.</summary>
    public static readonly Uri Test = new("https://testposws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    /// <summary>Param's production service.</summary>
    public static readonly Uri Production = new("https://posws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    /// <summary>
    /// Gets the service URL for an environment.
    /// </summary>
    /// <exception cref="ParamGatewayException">A custom URL that is not an absolute http(s) URL.</exception>
    public static Uri Resolve(ParamEnvironment environment, string customUrl)
    {
        return environment switch
        {
            ParamEnvironment.Production => Production,
            ParamEnvironment.Custom => ParseCustom(customUrl),
            _ => Test
        };
    }

    /// <summary>
    /// Validates a URL typed for an environment: production must be https; a custom URL must be absolute http(s).
    /// </summary>
    /// <returns>null when valid, otherwise the reason in English</returns>
    public static string Validate(ParamEnvironment environment, string url)
    {
        if (environment != ParamEnvironment.Custom)
            return null;

        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "The custom service URL must be an absolute http or https URL.";

        return null;
    }

    private static Uri ParseCustom(string customUrl)
    {
        var problem = Validate(ParamEnvironment.Custom, customUrl);
        if (problem is not null)
            throw new ParamGatewayException(ParamFailureKind.Configuration, "(endpoint)", problem, outcomeUnknown: false);

        return new Uri(customUrl.Trim());
    }
}
