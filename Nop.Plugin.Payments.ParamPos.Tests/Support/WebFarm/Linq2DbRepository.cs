using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// nopCommerce's EntityRepository over PostgreSQL, as far as the plugin uses it: every call its own connection and
/// statement, queries translated to SQL by linq2db (a query linq2db cannot translate fails here as it would in the
/// store), inserts refused by the table's unique indexes with PostgreSQL's own error.
/// </summary>
public sealed class Linq2DbRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly PostgresDatabase _database;
    private int _conflicts;

    public Linq2DbRepository(PostgresDatabase database)
    {
        _database = database;
    }

    /// <summary>How many inserts a unique index refused.</summary>
    public int Conflicts => _conflicts;

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        if (id is null)
            return null;

        await using var db = _database.Connect();
        return await db.GetTable<TEntity>().FirstOrDefaultAsync(row => row.Id == id);
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        await using var db = _database.Connect();
        IQueryable<TEntity> table = db.GetTable<TEntity>();

        return await (func is null ? table : func(table)).ToListAsync();
    }

    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        await using var db = _database.Connect();
        try
        {
            entity.Id = await db.InsertWithInt32IdentityAsync(entity);
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        await using var db = _database.Connect();
        await db.UpdateAsync(entity);
    }

    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        await using var db = _database.Connect();
        await db.DeleteAsync(entity);
    }

    public async Task<int> DeleteAsync(System.Linq.Expressions.Expression<Func<TEntity, bool>> predicate)
    {
        await using var db = _database.Connect();
        return await db.GetTable<TEntity>().Where(predicate).DeleteAsync();
    }
}
