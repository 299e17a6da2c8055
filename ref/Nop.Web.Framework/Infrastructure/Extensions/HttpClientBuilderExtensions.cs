using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static class HttpClientBuilderExtensions
{
    /// <remarks>
    /// The host installs an HttpClientHandler with the admin's proxy settings. Outside the host there are no proxy
    /// settings, so the surface installs a plain HttpClientHandler (the host's behaviour when the proxy is off).
    /// </remarks>
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
        httpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
    }
}
