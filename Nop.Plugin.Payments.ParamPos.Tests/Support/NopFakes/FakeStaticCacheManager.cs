using Nop.Core.Caching;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// nopCommerce's memory cache behaviour: keys prepared from templates, minutes of lifetime, a null or failed acquire is
/// not cached, removal by prefix. <see cref="Values"/> exposes what is held (to search it for card data).
/// </summary>
public sealed class FakeStaticCacheManager : IStaticCacheManager
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (object Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public FakeStaticCacheManager(TimeProvider clock = null)
    {
        _clock = clock ?? TimeProvider.System;
    }

    public IReadOnlyList<object> Values
    {
        get
        {
            lock (_gate)
                return _entries.Values.Select(entry => entry.Value).ToList();
        }
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
                return _entries.Keys.ToList();
        }
    }

    public CacheKey PrepareKey(CacheKey cacheKey, params object[] cacheKeyParameters) => cacheKey.Create(parameter => parameter, cacheKeyParameters);

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters)
    {
        var key = PrepareKey(cacheKey, cacheKeyParameters);
        key.CacheTime = 60;

        return key;
    }

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        if (TryGet(key, out var cached))
            return (T)cached;

        var value = await acquire();
        if (value is not null && key.CacheTime > 0)
            Set(key, value);

        return value;
    }

    public Task<T> GetAsync<T>(CacheKey key, Func<T> acquire) => GetAsync(key, () => Task.FromResult(acquire()));

    public Task<T> GetAsync<T>(CacheKey key, T defaultValue = default) => Task.FromResult(TryGet(key, out var cached) ? (T)cached : defaultValue);

    public Task<object> GetAsync(CacheKey key) => Task.FromResult(TryGet(key, out var cached) ? cached : null);

    public Task RemoveAsync(CacheKey cacheKey, params object[] cacheKeyParameters)
    {
        var key = cacheKeyParameters.Length == 0 ? cacheKey.Key : PrepareKey(cacheKey, cacheKeyParameters).Key;
        lock (_gate)
            _entries.Remove(key);

        return Task.CompletedTask;
    }

    public Task SetAsync<T>(CacheKey key, T data)
    {
        if (data is not null && key.CacheTime > 0)
            Set(key, data);

        return Task.CompletedTask;
    }

    public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters)
    {
        var formatted = prefixParameters.Length == 0 ? prefix : string.Format(prefix, prefixParameters);
        lock (_gate)
        {
            foreach (var key in _entries.Keys.Where(key => key.StartsWith(formatted, StringComparison.OrdinalIgnoreCase)).ToList())
                _entries.Remove(key);
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        lock (_gate)
            _entries.Clear();

        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    private void Set(CacheKey key, object value)
    {
        lock (_gate)
            _entries[key.Key] = (value, _clock.GetUtcNow().AddMinutes(key.CacheTime));
    }

    private bool TryGet(CacheKey key, out object value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key.Key, out var entry) && entry.Expires > _clock.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }

            _entries.Remove(key.Key);
            value = null;
            return false;
        }
    }
}
