using System.Data.Common;
using System.Reflection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// nopCommerce's repository over a table in memory, with what the ledger relies on from a database: identity ids,
/// unique indexes enforced on insert (the second insert fails, as with a real unique index), every read a fresh copy,
/// every call atomic. The WebFarm tests run the same code against PostgreSQL.
/// </summary>
public sealed class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly object _gate = new();
    private readonly Dictionary<int, TEntity> _rows = new();
    private static readonly object NullKey = new();
    private readonly Func<TEntity, object>[] _uniqueKeys;
    private readonly Dictionary<object, int>[] _keyIndexes;
    private int _nextId = 1;

    /// <param name="uniqueKeys">The table's unique indexes, each as the key it makes of a row.</param>
    public InMemoryRepository(params Func<TEntity, object>[] uniqueKeys)
    {
        _uniqueKeys = uniqueKeys;
        _keyIndexes = uniqueKeys.Select(_ => new Dictionary<object, int>()).ToArray();
    }

    /// <summary>How many inserts a unique index refused.</summary>
    public int UniqueViolations { get; private set; }

    /// <summary>Every row, as stored.</summary>
    public IReadOnlyList<TEntity> Rows
    {
        get
        {
            lock (_gate)
                return _rows.Values.Select(Copy).ToList();
        }
    }

    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        lock (_gate)
            return Task.FromResult(id is not null && _rows.TryGetValue(id.Value, out var row) ? Copy(row) : null);
    }

    /// <summary>Gets or sets what another writer does right after a read returned (once), to put a write between two reads.</summary>
    public Func<Task> AfterNextRead { get; set; }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        IList<TEntity> result;
        // Queried over the stored rows, under the lock (a query only filters and orders); what it returns is copied.
        lock (_gate)
        {
            var query = _rows.Values.AsQueryable();
            result = (func is null ? query : func(query)).AsEnumerable().Select(Copy).ToList();
        }

        if (AfterNextRead is { } writer)
        {
            AfterNextRead = null;
            await writer();
        }

        return result;
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
        {
            for (var index = 0; index < _uniqueKeys.Length; index++)
            {
                var value = _uniqueKeys[index](entity);
                if (_keyIndexes[index].ContainsKey(value ?? NullKey))
                {
                    UniqueViolations++;
                    throw new UniqueViolationException($"duplicate key value violates a unique index of {typeof(TEntity).Name}: {value}");
                }
            }

            entity.Id = _nextId++;
            Store(Copy(entity));
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
        {
            if (!_rows.ContainsKey(entity.Id))
                throw new InvalidOperationException($"No {typeof(TEntity).Name} row {entity.Id} to update.");
            Store(Copy(entity));
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
            Forget(entity.Id);

        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(System.Linq.Expressions.Expression<Func<TEntity, bool>> predicate)
    {
        var condition = predicate.Compile();
        lock (_gate)
        {
            var ids = _rows.Where(row => condition(row.Value)).Select(row => row.Key).ToList();
            foreach (var id in ids)
                Forget(id);

            return Task.FromResult(ids.Count);
        }
    }

    /// <summary>Deletes the rows a condition picks (a test's way to set up a table as an older version left it).</summary>
    public void RemoveWhere(Func<TEntity, bool> condition)
    {
        lock (_gate)
        {
            foreach (var id in _rows.Where(row => condition(row.Value)).Select(row => row.Key).ToList())
                Forget(id);
        }
    }

    /// <summary>Keeps a row and its unique keys (under the lock).</summary>
    private void Store(TEntity row)
    {
        Forget(row.Id);
        _rows[row.Id] = row;
        for (var index = 0; index < _uniqueKeys.Length; index++)
            _keyIndexes[index][_uniqueKeys[index](row) ?? NullKey] = row.Id;
    }

    /// <summary>Drops a row and its unique keys (under the lock).</summary>
    private void Forget(int id)
    {
        if (!_rows.Remove(id, out var row))
            return;

        for (var index = 0; index < _uniqueKeys.Length; index++)
        {
            var key = _uniqueKeys[index](row) ?? NullKey;
            if (_keyIndexes[index].TryGetValue(key, out var owner) && owner == id)
                _keyIndexes[index].Remove(key);
        }
    }

    private static TEntity Copy(TEntity entity) => (TEntity)Clone.Invoke(entity, null);

    /// <summary>What a database provider throws for a duplicate key (a DbException, as Npgsql's and SqlClient's are).</summary>
    public sealed class UniqueViolationException(string message) : DbException(message);
}
