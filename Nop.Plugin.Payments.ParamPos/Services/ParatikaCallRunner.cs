using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Services;

/// <summary>
/// Runs calls to Paratika for a store: the call's context from the store's settings (API user, API URL, timeout) and
/// one log line per exchange as much as the store asked for. Bodies are never logged: they carry the API password and
/// the shopper's name, e-mail and phone.
/// </summary>
public class ParatikaCallRunner
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly ParatikaClient _client;

    #endregion

    #region Ctor

    public ParatikaCallRunner(ILogger logger, ParatikaClient client)
    {
        _logger = logger;
        _client = client;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the Paratika credentials held by the settings
    /// </summary>
    public static ParatikaCredentials Credentials(ParamPosSettings settings)
    {
        return new ParatikaCredentials(settings.ParatikaMerchant, settings.ParatikaMerchantUser, settings.ParatikaMerchantPassword, settings.ParatikaSecretKey);
    }

    /// <summary>
    /// Gets the API URL of the settings, or null when a custom one is unusable
    /// </summary>
    public static Uri ApiUrl(ParamPosSettings settings)
    {
        return settings.ParatikaEnvironment switch
        {
            ParatikaEnvironment.Production => ParatikaEndpoint.Production,
            ParatikaEnvironment.Custom => ParatikaEndpoint.CustomUrlProblem(settings.ParatikaCustomApiUrl) is null ? new Uri(settings.ParatikaCustomApiUrl.Trim()) : null,
            _ => ParatikaEndpoint.Test
        };
    }

    /// <summary>
    /// Gets a value indicating whether the settings can reach Paratika: complete credentials and a usable API URL
    /// </summary>
    public static bool IsConfigured(ParamPosSettings settings)
    {
        return Credentials(settings).IsComplete && ApiUrl(settings) is not null;
    }

    /// <summary>
    /// Calls Paratika with the store's context and logs the exchanges
    /// </summary>
    /// <exception cref="ParatikaException">No usable answer (logged)</exception>
    public virtual async Task<TResult> CallAsync<TResult>(ParamPosSettings settings, Func<ParatikaClient, ParatikaCallContext, Task<TResult>> call)
    {
        var exchanges = new List<ParatikaExchange>();
        var context = new ParatikaCallContext(Credentials(settings), ApiUrl(settings), TimeSpan.FromSeconds(Math.Clamp(settings.RequestTimeoutSeconds, 1, 120)),
            exchange =>
            {
                lock (exchanges)
                    exchanges.Add(exchange);
            });
        try
        {
            return await call(_client, context);
        }
        finally
        {
            foreach (var exchange in exchanges)
                await LogAsync(settings.TransactionLogDetail, exchange);
        }
    }

    #endregion

    #region Utilities

    protected virtual async Task LogAsync(TransactionLogDetail detail, ParatikaExchange exchange)
    {
        var line = $"{ParamPosDefaults.SystemName}: Paratika {exchange.Action}, HTTP {exchange.HttpStatus?.ToString() ?? "-"}, {exchange.Duration.TotalMilliseconds:0} ms, "
            + $"responseCode {exchange.ResponseCode ?? "-"}{(exchange.ErrorCode is null ? string.Empty : $" {exchange.ErrorCode}")}"
            + (exchange.Failure is null ? string.Empty : $", failed: {exchange.Failure}");

        if (exchange.Failure is not null)
            await _logger.WarningAsync(line);
        else if (detail != TransactionLogDetail.ErrorsOnly)
            await _logger.InformationAsync(line);
    }

    #endregion
}
