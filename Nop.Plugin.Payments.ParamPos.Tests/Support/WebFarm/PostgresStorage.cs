using System.Text.Json;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// The store's orders and the plugin's tables in one real PostgreSQL database (a server started for the test), with the
/// plugin's own migration applied to it as nopCommerce applies it at install.
/// </summary>
public sealed class PostgresStorage : HarnessStorage
{
    private readonly PostgresServer _ownServer;
    private readonly Linq2DbRepository<ParamPosPayment> _payments;
    private readonly Linq2DbRepository<ParamPosLedgerEntry> _ledger;
    private readonly Linq2DbRepository<ParamPosReconciliationDay> _reconciliationDays;
    private readonly Linq2DbRepository<ParamPosSavedCard> _savedCards;
    private readonly Linq2DbRepository<ParamPosMarketplaceSeller> _marketplaceSellers;
    private readonly Linq2DbRepository<ParamPosMarketplaceShare> _marketplaceShares;
    private readonly Linq2DbRepository<ParamPosMarketplaceApproval> _marketplaceApprovals;

    private PostgresStorage(PostgresServer ownServer, PostgresDatabase database)
    {
        _ownServer = ownServer;
        Database = database;
        _payments = new Linq2DbRepository<ParamPosPayment>(database);
        _ledger = new Linq2DbRepository<ParamPosLedgerEntry>(database);
        _reconciliationDays = new Linq2DbRepository<ParamPosReconciliationDay>(database);
        _savedCards = new Linq2DbRepository<ParamPosSavedCard>(database);
        _marketplaceSellers = new Linq2DbRepository<ParamPosMarketplaceSeller>(database);
        _marketplaceShares = new Linq2DbRepository<ParamPosMarketplaceShare>(database);
        _marketplaceApprovals = new Linq2DbRepository<ParamPosMarketplaceApproval>(database);
        Orders = new PostgresOrders(database);
    }

    public PostgresDatabase Database { get; }

    public override IOrderTable Orders { get; }

    public override IRepository<ParamPosPayment> Payments => _payments;

    public override IRepository<ParamPosLedgerEntry> Ledger => _ledger;

    public override IRepository<ParamPosReconciliationDay> ReconciliationDays => _reconciliationDays;

    public override IRepository<ParamPosSavedCard> SavedCards => _savedCards;

    public override IRepository<ParamPosMarketplaceSeller> MarketplaceSellers => _marketplaceSellers;

    public override IRepository<ParamPosMarketplaceShare> MarketplaceShares => _marketplaceShares;

    public override IRepository<ParamPosMarketplaceApproval> MarketplaceApprovals => _marketplaceApprovals;

    public override int LedgerInsertConflicts => _ledger.Conflicts;

    /// <summary>
    /// Creates the store's database on a server (a new one, owned and stopped with the storage, unless one is given) and
    /// applies the store's and the plugin's migrations
    /// </summary>
    public static async Task<PostgresStorage> StartAsync(PostgresServer server = null)
    {
        var ownServer = server is null ? await PostgresServer.StartAsync() : null;
        try
        {
            var connectionString = await (server ?? ownServer).CreateDatabaseAsync("nop_" + Guid.NewGuid().ToString("N"));
            var database = new PostgresDatabase(connectionString, typeof(Order), typeof(OrderNote), typeof(OrderPaidEvent), typeof(ParamPosPayment), typeof(ParamPosLedgerEntry), typeof(ParamPosReconciliationDay), typeof(ParamPosSavedCard),
                typeof(ParamPosMarketplaceSeller), typeof(ParamPosMarketplaceShare), typeof(ParamPosMarketplaceApproval));
            database.MigrateUp(typeof(StoreSchemaMigration).Assembly, typeof(SchemaMigration).Assembly);

            return new PostgresStorage(ownServer, database);
        }
        catch
        {
            if (ownServer is not null)
                await ownServer.DisposeAsync();
            throw;
        }
    }

    public override IEnumerable<string> PluginRows()
    {
        return _payments.GetAllAsync().GetAwaiter().GetResult().Select(row => JsonSerializer.Serialize(row))
            .Concat(_ledger.GetAllAsync().GetAwaiter().GetResult().Select(row => JsonSerializer.Serialize(row)));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_ownServer is not null)
            await _ownServer.DisposeAsync();
    }
}
