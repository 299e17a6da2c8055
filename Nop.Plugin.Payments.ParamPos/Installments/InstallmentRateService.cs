using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Caching;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// Rates (TP_Ozel_Oran_SK_Liste) and BIN lookups (BIN_SanalPos), cached per merchant account for the configured
/// lifetimes, so a quote costs no round trip once warm.
/// </summary>
public class InstallmentRateService
{
    #region Fields

    /// <summary>The accounts whose rates this node is refreshing in the background.</summary>
    private static readonly ConcurrentDictionary<string, byte> RefreshesRunning = new();

    protected readonly IServiceScopeFactory _serviceScopeFactory;
    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public InstallmentRateService(IServiceScopeFactory serviceScopeFactory,
        IStaticCacheManager staticCacheManager,
        ParamCallRunner callRunner)
    {
        _serviceScopeFactory = serviceScopeFactory;
        _staticCacheManager = staticCacheManager;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the rate table of the store's merchant account
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the card programs and their rates</returns>
    /// <exception cref="ParamGatewayException">Param could not be reached</exception>
    /// <exception cref="InvalidOperationException">Param refused the request (its error is in the message)</exception>
    public virtual async Task<IReadOnlyList<CardProgramRates>> GetRatesAsync(ParamPosSettings settings)
    {
        return await _staticCacheManager.GetAsync(RatesKey(settings), async () =>
        {
            var result = await _callRunner.CallAsync(settings, (client, context) => client.GetInstallmentRatesAsync(context));
            if (result.Error is not null)
                throw new ParamRefusedException(result.Error);

            return result.Programs;
        });
    }

    /// <summary>
    /// Gets the rate table only when it is cached: no call to Param (a page view must never wait for Param)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the card programs, or null when the cache is cold</returns>
    public virtual async Task<IReadOnlyList<CardProgramRates>> GetCachedRatesAsync(ParamPosSettings settings)
    {
        return await _staticCacheManager.GetAsync<IReadOnlyList<CardProgramRates>>(RatesKey(settings), defaultValue: null);
    }

    /// <summary>
    /// Fills a cold rate cache in the background, once per account at a time on this node; the caller does not wait.
    /// On a web farm every node refreshes its own cache, or the shared one when nopCommerce's distributed cache is used
    /// (then two nodes may each fetch the list once; either result is the same list).
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A value indicating whether this call started a refresh (false: one is running already)</returns>
    public virtual bool RefreshInBackground(ParamPosSettings settings)
    {
        var account = AccountKey(settings);
        if (!RefreshesRunning.TryAdd(account, 0))
            return false;

        var copy = ParamPosSettings.CopyOf(settings);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = _serviceScopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<InstallmentRateService>().GetRatesAsync(copy);
            }
            catch (Exception exception)
            {
                try
                {
                    await using var scope = _serviceScopeFactory.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ILogger>().WarningAsync($"{ParamPosDefaults.SystemName}: the installment rates could not be refreshed in the background.", exception);
                }
                catch (Exception)
                {
                    // Nowhere left to say it: the next page view tries again.
                }
            }
            finally
            {
                RefreshesRunning.TryRemove(account, out _);
            }
        });

        return true;
    }

    /// <summary>
    /// Gets the card program of a BIN, or null when Param does not know it
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <param name="bin">First 6 digits of the card</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the BIN row or null</returns>
    public virtual async Task<BinInfo> GetCardAsync(ParamPosSettings settings, string bin)
    {
        var looked = await _staticCacheManager.GetAsync(BinKey(settings, bin), async () =>
        {
            var result = await _callRunner.CallAsync(settings, (client, context) => client.LookupBinAsync(bin, context));
            if (result.Error is not null)
                throw new ParamRefusedException(result.Error);

            // Wrapped, so that "Param does not know this BIN" is cached too (the cache keeps no null).
            return new BinLookup(result.Card);
        });

        return looked.Card;
    }

    /// <summary>
    /// Gets a value indicating whether a BIN's card program is cached (a quote for it costs no call to Param)
    /// </summary>
    public virtual async Task<bool> IsCardCachedAsync(ParamPosSettings settings, string bin)
    {
        return await _staticCacheManager.GetAsync(BinKey(settings, bin)) is not null;
    }

    /// <summary>
    /// Builds the quote for a card and an amount
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <param name="bin">First 6 digits of the card</param>
    /// <param name="amount">Amount before commission</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the quote</returns>
    public virtual async Task<InstallmentQuote> QuoteAsync(ParamPosSettings settings, string bin, decimal amount)
    {
        var card = await GetCardAsync(settings, bin);
        var rates = await GetRatesAsync(settings);

        return InstallmentQuoteBuilder.Build(amount, CardProfile.Of(card), rates, InstallmentPolicy.Of(settings));
    }

    /// <summary>
    /// Forgets every cached rate table and BIN lookup
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task ClearCacheAsync()
    {
        await _staticCacheManager.RemoveByPrefixAsync(ParamPosDefaults.CachePrefix);
    }

    #endregion

    #region Utilities

    protected virtual CacheKey RatesKey(ParamPosSettings settings)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.RatesCacheKey, AccountKey(settings));
        key.CacheTime = Math.Max(1, settings.RateCacheMinutes);

        return key;
    }

    protected virtual CacheKey BinKey(ParamPosSettings settings, string bin)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.BinCacheKey, AccountKey(settings), bin);
        key.CacheTime = Math.Max(1, settings.BinCacheMinutes);

        return key;
    }

    /// <summary>
    /// A short, non-reversible key per merchant account and service, so two stores with different accounts never share rates.
    /// </summary>
    protected static string AccountKey(ParamPosSettings settings)
    {
        var input = $"{settings.Environment}|{settings.CustomServiceUrl}|{settings.ClientCode}|{settings.Guid?.ToLowerInvariant()}";

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16];
    }

    #endregion
}

/// <summary>
/// A BIN lookup as cached: the card program, or null when Param does not know the BIN.
/// </summary>
public sealed record BinLookup(BinInfo Card);
