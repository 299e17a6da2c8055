using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Services;

/// <summary>
/// Runs calls to Param for a store: loads the store's settings, builds each call's context from them (credentials,
/// service URL, timeout) and writes the traffic to nopCommerce's log as much as the store asked for (redacted, and only
/// what is logged is redacted).
/// </summary>
public class ParamCallRunner
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly ISettingService _settingService;
    protected readonly ParamClient _client;

    /// <summary>The settings this request last loaded, with their store (the runner is scoped)</summary>
    private LoadedSettings _loadedSettings;

    #endregion

    #region Ctor

    public ParamCallRunner(ILogger logger,
        ISettingService settingService,
        ParamClient client)
    {
        _logger = logger;
        _settingService = settingService;
        _client = client;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Loads the settings of a store (with the values of "all stores" where the store has no override)
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the settings</returns>
    public virtual async Task<ParamPosSettings> LoadSettingsAsync(int storeId)
    {
        // Once per request for the store last asked about (a request is a store's; the admin pages that go through
        // stores load each in turn): nopCommerce builds the object afresh from every one of its settings on each load,
        // and a checkout step would otherwise load it many times. Nothing here changes the settings it is given.
        if (_loadedSettings is { } loaded && loaded.StoreId == storeId)
            return loaded.Settings;

        var settings = await _settingService.LoadSettingAsync<ParamPosSettings>(storeId);
        _loadedSettings = new LoadedSettings(storeId, settings);

        return settings;
    }

    /// <summary>
    /// Gets the credentials held by the settings
    /// </summary>
    public static ParamCredentials Credentials(ParamPosSettings settings)
    {
        return new ParamCredentials(settings.ClientCode, settings.ClientUsername, settings.ClientPassword, settings.Guid);
    }

    /// <summary>
    /// Gets a value indicating whether the settings can reach Param: complete credentials and a usable endpoint
    /// </summary>
    public static bool IsConfigured(ParamPosSettings settings)
    {
        return Credentials(settings).IsComplete && EndpointProblem(settings.Environment, settings.CustomServiceUrl) is null;
    }

    /// <summary>
    /// Gets the service URL of an environment
    /// </summary>
    /// <exception cref="ParamGatewayException">A custom URL that is not an absolute http(s) URL</exception>
    public static Uri ServiceUrl(ParamEnvironment environment, string customUrl)
    {
        return environment switch
        {
            ParamEnvironment.Production => ParamEndpoint.Production,
            ParamEnvironment.Custom => ParamEndpoint.Custom(customUrl),
            _ => ParamEndpoint.Test
        };
    }

    /// <summary>
    /// Gets the card-storage (KS) service URL of the settings' environment: Param's own, or beside the custom service
    /// unless a custom card-storage URL is given
    /// </summary>
    /// <exception cref="ParamGatewayException">A custom URL that is not an absolute http(s) URL</exception>
    public static Uri CardStorageUrl(ParamPosSettings settings)
    {
        return settings.Environment switch
        {
            ParamEnvironment.Production => ParamEndpoint.CardStorageProduction,
            ParamEnvironment.Custom when !string.IsNullOrWhiteSpace(settings.CustomCardStorageUrl) => ParamEndpoint.Custom(settings.CustomCardStorageUrl),
            ParamEnvironment.Custom => ParamEndpoint.CardStorageBeside(ParamEndpoint.Custom(settings.CustomServiceUrl)),
            _ => ParamEndpoint.CardStorageTest
        };
    }

    /// <summary>
    /// Gets the marketplace service URL of the settings' environment (a separate setting from the payment service: Pazaryeri.md §1.1, M1)
    /// </summary>
    /// <exception cref="ParamGatewayException">A custom URL that is not an absolute http(s) URL</exception>
    public static Uri MarketplaceUrl(ParamPosSettings settings)
    {
        return settings.Environment switch
        {
            ParamEnvironment.Production => ParamEndpoint.MarketplaceProduction,
            ParamEnvironment.Custom when !string.IsNullOrWhiteSpace(settings.CustomMarketplaceUrl) => ParamEndpoint.Custom(settings.CustomMarketplaceUrl),
            ParamEnvironment.Custom => ParamEndpoint.MarketplaceBeside(ParamEndpoint.Custom(settings.CustomServiceUrl)),
            _ => ParamEndpoint.MarketplaceTest
        };
    }

    /// <summary>
    /// Gets what keeps an environment from being used, in English, or null: a custom URL must be absolute http(s)
    /// </summary>
    public static string EndpointProblem(ParamEnvironment environment, string customUrl)
    {
        return environment == ParamEnvironment.Custom ? ParamEndpoint.CustomUrlProblem(customUrl) : null;
    }

    /// <summary>
    /// Calls the gateway with the store's context and logs the traffic
    /// </summary>
    /// <typeparam name="TResult">Result type</typeparam>
    /// <param name="settings">Store settings</param>
    /// <param name="call">The call</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains what Param answered</returns>
    /// <exception cref="ParamGatewayException">No usable answer (logged before it is thrown)</exception>
    public virtual Task<TResult> CallAsync<TResult>(ParamPosSettings settings, Func<ParamClient, ParamCallContext, Task<TResult>> call)
    {
        return CallAsync(settings, ServiceUrl(settings.Environment, settings.CustomServiceUrl), call);
    }

    /// <summary>
    /// Calls Param's card-storage (KS) service with the store's context and logs the traffic
    /// </summary>
    /// <typeparam name="TResult">Result type</typeparam>
    /// <param name="settings">Store settings</param>
    /// <param name="call">The call (one of the client's card-storage methods)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains what Param answered</returns>
    /// <exception cref="ParamGatewayException">No usable answer (logged before it is thrown)</exception>
    public virtual Task<TResult> CallCardStorageAsync<TResult>(ParamPosSettings settings, Func<ParamClient, ParamCallContext, Task<TResult>> call)
    {
        return CallAsync(settings, CardStorageUrl(settings), call);
    }

    /// <summary>
    /// Calls Param's marketplace service with the store's context and logs the traffic
    /// </summary>
    public virtual Task<TResult> CallMarketplaceAsync<TResult>(ParamPosSettings settings, Func<ParamClient, ParamCallContext, Task<TResult>> call)
    {
        return CallAsync(settings, MarketplaceUrl(settings), call);
    }

    #endregion

    #region Utilities

    protected virtual async Task<TResult> CallAsync<TResult>(ParamPosSettings settings, Uri serviceUrl, Func<ParamClient, ParamCallContext, Task<TResult>> call)
    {
        var traffic = new TrafficRecorder();
        var context = new ParamCallContext(Credentials(settings), serviceUrl, TimeSpan.FromSeconds(Math.Clamp(settings.RequestTimeoutSeconds, 1, 120)), traffic);
        try
        {
            return await call(_client, context);
        }
        finally
        {
            await LogTrafficAsync(settings.TransactionLogDetail, traffic.Exchanges);
        }
    }

    protected virtual async Task LogTrafficAsync(TransactionLogDetail detail, IReadOnlyList<ParamExchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            var line = $"{ParamPosDefaults.SystemName}: {exchange.Operation} attempt {exchange.Attempt}, HTTP {exchange.HttpStatus?.ToString() ?? "-"}, "
                + $"{exchange.Duration.TotalMilliseconds:0} ms{(exchange.Failure is null ? string.Empty : $", failed: {exchange.Failure}")}";

            if (exchange.Failure is not null)
                await _logger.WarningAsync(detail == TransactionLogDetail.FullRedacted ? $"{line}\n{exchange.Request}\n{exchange.Response}" : line);
            else if (detail == TransactionLogDetail.Summary)
                await _logger.InformationAsync(line);
            else if (detail == TransactionLogDetail.FullRedacted)
                await _logger.InformationAsync($"{line}\n{exchange.Request}\n{exchange.Response}");
        }
    }

    private sealed class TrafficRecorder : IParamTrafficObserver
    {
        private readonly List<ParamExchange> _exchanges = new();

        public IReadOnlyList<ParamExchange> Exchanges
        {
            get
            {
                lock (_exchanges)
                    return _exchanges.ToList();
            }
        }

        public void OnExchange(ParamExchange exchange)
        {
            lock (_exchanges)
                _exchanges.Add(exchange);
        }
    }

    #endregion

    #region Nested classes

    private sealed record LoadedSettings(int StoreId, ParamPosSettings Settings);

    #endregion
}
