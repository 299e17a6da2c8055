using System.Linq.Expressions;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// Settings per store with "all stores" (0) as the fallback, and the per-store override flags, as nopCommerce keeps them.
/// </summary>
public sealed class FakeSettingService : ISettingService
{
    private readonly Dictionary<(Type Type, int StoreId), object> _settings = new();
    private readonly HashSet<(Type Type, string Property, int StoreId)> _overrides = new();

    public int ClearCacheCalls { get; private set; }

    public void Put<T>(T settings, int storeId = 0) where T : ISettings => _settings[(typeof(T), storeId)] = settings;

    public bool HasOverride<T>(string property, int storeId) => _overrides.Contains((typeof(T), property, storeId));

    public Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new()
    {
        if (!_settings.TryGetValue((typeof(T), 0), out var all))
            return Task.FromResult(new T());

        var copy = Clone((T)all);
        if (storeId != 0 && _settings.TryGetValue((typeof(T), storeId), out var store))
        {
            foreach (var property in typeof(T).GetProperties().Where(property => _overrides.Contains((typeof(T), property.Name, storeId))))
                property.SetValue(copy, property.GetValue(store));
        }

        return Task.FromResult(copy);
    }

    public Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new()
    {
        _settings[(typeof(T), storeId)] = Clone(settings);
        if (storeId != 0)
        {
            foreach (var property in typeof(T).GetProperties())
                _overrides.Add((typeof(T), property.Name, storeId));
        }

        return Task.CompletedTask;
    }

    public Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, bool overrideForStore, int storeId = 0, bool clearCache = true) where T : ISettings, new()
    {
        var property = typeof(T).GetProperty(((MemberExpression)keySelector.Body).Member.Name)!;
        if (storeId == 0 || overrideForStore)
        {
            if (!_settings.TryGetValue((typeof(T), storeId), out var target))
                _settings[(typeof(T), storeId)] = target = new T();
            property.SetValue(target, property.GetValue(settings));
            if (storeId != 0)
                _overrides.Add((typeof(T), property.Name, storeId));
        }
        else
        {
            _overrides.Remove((typeof(T), property.Name, storeId));
        }

        return Task.CompletedTask;
    }

    public Task<bool> SettingExistsAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0) where T : ISettings, new()
    {
        var name = ((MemberExpression)keySelector.Body).Member.Name;

        return Task.FromResult(storeId == 0 ? _settings.ContainsKey((typeof(T), 0)) : _overrides.Contains((typeof(T), name, storeId)));
    }

    public Task DeleteSettingAsync<T>() where T : ISettings, new()
    {
        foreach (var key in _settings.Keys.Where(key => key.Type == typeof(T)).ToList())
            _settings.Remove(key);
        _overrides.RemoveWhere(key => key.Type == typeof(T));

        return Task.CompletedTask;
    }

    public Task ClearCacheAsync()
    {
        ClearCacheCalls++;
        return Task.CompletedTask;
    }

    private static T Clone<T>(T settings)
    {
        var copy = Activator.CreateInstance<T>();
        foreach (var property in typeof(T).GetProperties().Where(property => property.CanWrite))
            property.SetValue(copy, property.GetValue(settings));

        return copy;
    }
}
