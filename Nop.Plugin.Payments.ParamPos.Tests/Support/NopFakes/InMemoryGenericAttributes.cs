using System.Collections.Concurrent;
using System.Globalization;
using Nop.Core;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>The GenericAttribute table: (key group, entity id, key, store) → text, as nopCommerce stores it.</summary>
public sealed class InMemoryGenericAttributes : IGenericAttributeService
{
    public ConcurrentDictionary<(string Group, int EntityId, string Key, int StoreId), string> Values { get; } = new();

    public Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0)
    {
        var id = (entity.GetType().Name, entity.Id, key, storeId);
        var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text))
            Values.TryRemove(id, out _);
        else
            Values[id] = text;

        return Task.CompletedTask;
    }

    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default)
    {
        return Task.FromResult(Read(entity.GetType().Name, entity.Id, key, storeId, defaultValue));
    }

    public Task<TPropType> GetAttributeAsync<TEntity, TPropType>(int entityId, string key, int storeId = 0, TPropType defaultValue = default) where TEntity : BaseEntity
    {
        return Task.FromResult(Read(typeof(TEntity).Name, entityId, key, storeId, defaultValue));
    }

    private TPropType Read<TPropType>(string group, int entityId, string key, int storeId, TPropType defaultValue)
    {
        return Values.TryGetValue((group, entityId, key, storeId), out var text)
            ? (TPropType)Convert.ChangeType(text, typeof(TPropType), CultureInfo.InvariantCulture)
            : defaultValue;
    }
}
