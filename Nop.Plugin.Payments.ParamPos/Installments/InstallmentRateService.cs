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
/// Rates (TP_Ozel_Oran_SK_Liste) and card programs (BIN_SanalPos), cached per merchant account for the configured
/// lifetimes, so a quote costs no round trip once warm. Both tables are refreshed in the background before they expire
/// (and the whole BIN table is fetched the same way), so a shopper's request does not wait for Param to list them.
/// </summary>
public class InstallmentRateService
{
    #region Fields

    /// <summary>The share of a table's lifetime after which a read refreshes it in the background.</summary>
    public const double REFRESH_AHEAD_AT = 0.75;

    /// <summary>How long a refused or failed fetch of the whole BIN table is not tried again (the per-BIN lookup still works).</summary>
    public static readonly TimeSpan BinTableRetryAfter = TimeSpan.FromMinutes(10);

    /// <summary>The accounts whose tables this node is refreshing in the background.</summary>
    private static readonly ConcurrentDictionary<string, byte> RefreshesRunning = new();

    /// <summary>How long a failed refresh of a rate table still in the cache is not tried again (Param may be down: one warning, not one per shopper).</summary>
    public static readonly TimeSpan RatesRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Per account, when this node may try the whole BIN table again after a failure.</summary>
    private static readonly ConcurrentDictionary<string, DateTimeOffset> BinTableBlockedUntil = new();

    /// <summary>Per account, when this node may refresh a cached rate table again after a failure.</summary>
    private static readonly ConcurrentDictionary<string, DateTimeOffset> RatesBlockedUntil = new();

    /// <summary>The account last keyed, with its key (replaced whole, so readers on other threads see one or the other)</summary>
    private static AccountOfKey _lastAccount;

    protected readonly IServiceScopeFactory _serviceScopeFactory;
    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly ParamCallRunner _callRunner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public InstallmentRateService(IServiceScopeFactory serviceScopeFactory,
        IStaticCacheManager staticCacheManager,
        ParamCallRunner callRunner,
        TimeProvider timeProvider)
    {
        _serviceScopeFactory = serviceScopeFactory;
        _staticCacheManager = staticCacheManager;
        _callRunner = callRunner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the rate table of the store's merchant account (from Param only when no table is cached)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the card programs and their rates</returns>
    /// <exception cref="ParamGatewayException">Param could not be reached</exception>
    /// <exception cref="InvalidOperationException">Param refused the request (its error is in the message)</exception>
    public virtual async Task<IReadOnlyList<CardProgramRates>> GetRatesAsync(ParamPosSettings settings)
    {
        var table = await _staticCacheManager.GetAsync(RatesKey(settings), async () => new RateTable(await FetchRatesAsync(settings), Now));
        if (IsRatesRefreshDue(settings, table))
            RefreshInBackground(settings);

        return table.Programs;
    }

    /// <summary>
    /// Gets the rate table only when it is cached: no call to Param (a page view must never wait for Param)
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the card programs, or null when the cache is cold</returns>
    public virtual async Task<IReadOnlyList<CardProgramRates>> GetCachedRatesAsync(ParamPosSettings settings)
    {
        var table = await _staticCacheManager.GetAsync<RateTable>(RatesKey(settings), defaultValue: null);
        if (table is not null && IsRatesRefreshDue(settings, table))
            RefreshInBackground(settings);

        return table?.Programs;
    }

    /// <summary>
    /// Starts a background refresh when the rate table or the BIN table is missing or past <see cref="REFRESH_AHEAD_AT"/>
    /// of its lifetime; called where a shopper starts to pay, so the tables are ready by the time the card is typed
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <returns>A task that represents the asynchronous operation; the task result tells whether a refresh started</returns>
    public virtual async Task<bool> RefreshIfDueAsync(ParamPosSettings settings)
    {
        if (!ParamCallRunner.IsConfigured(settings))
            return false;

        var rates = await _staticCacheManager.GetAsync<RateTable>(RatesKey(settings), defaultValue: null);
        if (rates is null || IsRatesRefreshDue(settings, rates) || await IsBinTableDueAsync(settings))
            return RefreshInBackground(settings);

        return false;
    }

    /// <summary>
    /// Refreshes, in the background, whichever of the rate table and the BIN table is missing or due; once per account
    /// at a time on this node, and the caller does not wait. On a web farm every node refreshes its own cache, or the
    /// shared one when nopCommerce's distributed cache is used (then two nodes may each fetch a table once; either
    /// result is the same table).
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
                await scope.ServiceProvider.GetRequiredService<InstallmentRateService>().RefreshDueTablesAsync(copy);
            }
            catch (Exception exception)
            {
                await WarnAsync("the installment tables could not be refreshed in the background.", exception);
            }
            finally
            {
                RefreshesRunning.TryRemove(account, out _);
            }
        });

        return true;
    }

    /// <summary>
    /// Gets a value indicating whether this node is refreshing the account's tables in the background now
    /// </summary>
    public virtual bool IsRefreshing(ParamPosSettings settings) => RefreshesRunning.ContainsKey(AccountKey(settings));

    /// <summary>
    /// Gets the card program of a BIN, or null when Param does not know it
    /// </summary>
    /// <param name="settings">Store settings</param>
    /// <param name="bin">First 6 digits of the card</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the BIN row or null</returns>
    public virtual async Task<BinInfo> GetCardAsync(ParamPosSettings settings, string bin)
    {
        var table = await _staticCacheManager.GetAsync<BinTable>(BinTableKey(settings), defaultValue: null);
        if (table is not null && table.Cards.TryGetValue(bin, out var known))
            return known;

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
        var table = await _staticCacheManager.GetAsync<BinTable>(BinTableKey(settings), defaultValue: null);

        return table?.Cards.ContainsKey(bin) == true || await _staticCacheManager.GetAsync(BinKey(settings, bin)) is not null;
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
        BinTableBlockedUntil.Clear();
        RatesBlockedUntil.Clear();
    }

    #endregion

    #region Utilities

    protected DateTime Now => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Whether a table fetched then is past the point where it is refreshed ahead of its expiry.</summary>
    protected virtual bool IsDue(DateTime fetchedOnUtc, int lifetimeMinutes)
    {
        return Now - fetchedOnUtc >= TimeSpan.FromMinutes(Math.Max(1, lifetimeMinutes) * REFRESH_AHEAD_AT);
    }

    /// <summary>Whether a cached rate table is due for its refresh ahead of expiry (and no failed refresh is pausing it).</summary>
    protected virtual bool IsRatesRefreshDue(ParamPosSettings settings, RateTable table)
    {
        if (!IsDue(table.FetchedOnUtc, settings.RateCacheMinutes))
            return false;

        return !RatesBlockedUntil.TryGetValue(AccountKey(settings), out var until) || _timeProvider.GetUtcNow() >= until;
    }

    protected virtual async Task<bool> IsBinTableDueAsync(ParamPosSettings settings)
    {
        if (BinTableBlockedUntil.TryGetValue(AccountKey(settings), out var until) && _timeProvider.GetUtcNow() < until)
            return false;

        var table = await _staticCacheManager.GetAsync<BinTable>(BinTableKey(settings), defaultValue: null);

        return table is null || IsDue(table.FetchedOnUtc, settings.BinCacheMinutes);
    }

    protected virtual async Task<IReadOnlyList<CardProgramRates>> FetchRatesAsync(ParamPosSettings settings)
    {
        var result = await _callRunner.CallAsync(settings, (client, context) => client.GetInstallmentRatesAsync(context));
        if (result.Error is not null)
            throw new ParamRefusedException(result.Error);

        return result.Programs;
    }

    /// <summary>
    /// Fetches the tables that are missing or due and puts them in the cache with a fresh lifetime; a failure is logged
    /// and leaves the cached table as it was (the next read or page view tries again; the BIN table after a pause)
    /// </summary>
    protected virtual async Task RefreshDueTablesAsync(ParamPosSettings settings)
    {
        var rates = await _staticCacheManager.GetAsync<RateTable>(RatesKey(settings), defaultValue: null);
        if (rates is null || IsRatesRefreshDue(settings, rates))
        {
            var refreshed = await WarnOnFailureAsync("the installment rates could not be refreshed in the background.", async () =>
                await _staticCacheManager.SetAsync(RatesKey(settings), new RateTable(await FetchRatesAsync(settings), Now)));
            if (!refreshed && rates is not null)
                RatesBlockedUntil[AccountKey(settings)] = _timeProvider.GetUtcNow() + RatesRetryAfter;
        }

        if (!await IsBinTableDueAsync(settings))
            return;

        var fetched = await WarnOnFailureAsync("the BIN table could not be fetched in the background; cards are looked up one at a time.", async () =>
        {
            var result = await _callRunner.CallAsync(settings, (client, context) => client.GetBinTableAsync(context));
            if (result.Error is not null)
                throw new ParamRefusedException(result.Error);

            await _staticCacheManager.SetAsync(BinTableKey(settings), new BinTable(BinTable.Index(result.Cards), Now));
        });
        if (!fetched)
            BinTableBlockedUntil[AccountKey(settings)] = _timeProvider.GetUtcNow() + BinTableRetryAfter;
    }

    private async Task<bool> WarnOnFailureAsync(string what, Func<Task> work)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception exception)
        {
            await WarnAsync(what, exception);
            return false;
        }
    }

    private async Task WarnAsync(string what, Exception exception)
    {
        try
        {
            await using var scope = _serviceScopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ILogger>().WarningAsync($"{ParamPosDefaults.SystemName}: {what}", exception);
        }
        catch (Exception)
        {
            // Nowhere left to say it: the next page view tries again.
        }
    }

    protected virtual CacheKey RatesKey(ParamPosSettings settings)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.RatesCacheKey, AccountKey(settings));
        key.CacheTime = Math.Max(1, settings.RateCacheMinutes);

        return key;
    }

    protected virtual CacheKey BinTableKey(ParamPosSettings settings)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.BinTableCacheKey, AccountKey(settings));
        key.CacheTime = Math.Max(1, settings.BinCacheMinutes);

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
        // Asked several times per request for the same account: the hash is kept for the account last asked about.
        if (_lastAccount is { } last && last.Environment == settings.Environment && string.Equals(last.CustomServiceUrl, settings.CustomServiceUrl, StringComparison.Ordinal)
            && string.Equals(last.ClientCode, settings.ClientCode, StringComparison.Ordinal) && string.Equals(last.Guid, settings.Guid, StringComparison.OrdinalIgnoreCase))
            return last.Key;

        var input = $"{settings.Environment}|{settings.CustomServiceUrl}|{settings.ClientCode}|{settings.Guid?.ToLowerInvariant()}";
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16];
        _lastAccount = new AccountOfKey(settings.Environment, settings.CustomServiceUrl, settings.ClientCode, settings.Guid, key);

        return key;
    }

    #endregion
}

/// <summary>
/// An account's identity (environment, custom URL, terminal, merchant key) and the cache key made of it.
/// </summary>
internal sealed record AccountOfKey(Domain.ParamEnvironment Environment, string CustomServiceUrl, string ClientCode, string Guid, string Key);

/// <summary>
/// The rate table as cached, with when it was fetched (to refresh it before it expires).
/// </summary>
public sealed record RateTable(IReadOnlyList<CardProgramRates> Programs, DateTime FetchedOnUtc);

/// <summary>
/// Every BIN of Param's table (6-digit BINs only: an 8-digit row cannot answer for a 6-digit lookup), as cached.
/// </summary>
public sealed record BinTable(IReadOnlyDictionary<string, BinInfo> Cards, DateTime FetchedOnUtc)
{
    public static IReadOnlyDictionary<string, BinInfo> Index(IEnumerable<BinInfo> cards)
    {
        var index = new Dictionary<string, BinInfo>(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            if (card.Bin is { Length: 6 } bin && bin.All(char.IsAsciiDigit))
                index.TryAdd(bin, card);
        }

        return index;
    }
}

/// <summary>
/// A BIN lookup as cached: the card program, or null when Param does not know the BIN.
/// </summary>
public sealed record BinLookup(BinInfo Card);
