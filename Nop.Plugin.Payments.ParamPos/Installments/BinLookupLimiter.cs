using System.Globalization;
using Nop.Core.Caching;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// Bounds how many BINs unknown to the cache one shopper may make the store look up at Param (BIN_SanalPos) through
/// the public quote endpoint: per customer and per IP address within a window. Cached BINs cost Param nothing and are
/// never limited. Best effort (counts live in the store's cache): it stops a script enumerating BINs, not a shopper
/// trying two cards.
/// </summary>
public class BinLookupLimiter
{
    #region Fields

    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public BinLookupLimiter(IStaticCacheManager staticCacheManager,
        TimeProvider timeProvider)
    {
        _staticCacheManager = staticCacheManager;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Counts one lookup for a customer and an IP address, unless either has used up its allowance
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains whether the lookup may be made</returns>
    public virtual async Task<bool> TryTakeAsync(int customerId, string ipAddress)
    {
        var (perCustomer, perIp, window) = ParamPosDefaults.BinLookupLimits;
        var customer = Key("customer", customerId.ToString(CultureInfo.InvariantCulture), window);
        var address = Key("ip", string.IsNullOrEmpty(ipAddress) ? "-" : ipAddress, window);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var customerCount = await CountAsync(customer, now, window);
        var addressCount = await CountAsync(address, now, window);
        if (customerCount.Count >= perCustomer || addressCount.Count >= perIp)
            return false;

        await _staticCacheManager.SetAsync(customer, customerCount with { Count = customerCount.Count + 1 });
        await _staticCacheManager.SetAsync(address, addressCount with { Count = addressCount.Count + 1 });

        return true;
    }

    #endregion

    #region Utilities

    protected virtual CacheKey Key(string kind, string value, TimeSpan window)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.BinLookupCountKey, kind, value);
        key.CacheTime = (int)Math.Ceiling(window.TotalMinutes);

        return key;
    }

    protected virtual async Task<LookupCount> CountAsync(CacheKey key, DateTime now, TimeSpan window)
    {
        var count = await _staticCacheManager.GetAsync<LookupCount>(key, defaultValue: null);

        return count is null || count.WindowStartUtc + window <= now ? new LookupCount(now, 0) : count;
    }

    #endregion
}

/// <summary>
/// Lookups counted since the start of a window.
/// </summary>
public sealed record LookupCount(DateTime WindowStartUtc, int Count);
