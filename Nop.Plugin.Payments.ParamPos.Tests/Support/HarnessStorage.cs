using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>
/// Where a <see cref="CheckoutHarness"/> keeps the store's orders and the plugin's tables: in memory (most tests), or in a
/// real PostgreSQL database shared by several web nodes (WebFarm tests). Either way each node gets nopCommerce's order
/// services per request (<see cref="NopOrderServices"/>) over the one order table.
/// </summary>
public abstract class HarnessStorage : IAsyncDisposable
{
    public abstract IOrderTable Orders { get; }

    /// <summary>The plugin's attempt table.</summary>
    public abstract IRepository<ParamPosPayment> Payments { get; }

    /// <summary>The plugin's ledger table.</summary>
    public abstract IRepository<ParamPosLedgerEntry> Ledger { get; }

    /// <summary>The plugin's table of daily checks against Param's records.</summary>
    public abstract IRepository<ParamPosReconciliationDay> ReconciliationDays { get; }

    /// <summary>The plugin's table of cards customers saved at Param.</summary>
    public abstract IRepository<ParamPosSavedCard> SavedCards { get; }

    /// <summary>The plugin's table of vendors registered as marketplace sellers.</summary>
    public abstract IRepository<ParamPosMarketplaceSeller> MarketplaceSellers { get; }

    /// <summary>The plugin's table of the vendors' share declarations.</summary>
    public abstract IRepository<ParamPosMarketplaceShare> MarketplaceShares { get; }

    /// <summary>The plugin's table of the changes of the shares' approval.</summary>
    public abstract IRepository<ParamPosMarketplaceApproval> MarketplaceApprovals { get; }

    /// <summary>Gets how many ledger inserts the unique index refused (claims lost to a concurrent one).</summary>
    public abstract int LedgerInsertConflicts { get; }

    /// <summary>Every row of the plugin's tables, as text (for the card-data scan).</summary>
    public abstract IEnumerable<string> PluginRows();

    /// <summary>Registers, for one web node, the repositories and nopCommerce's order services (one instance per request).</summary>
    public virtual void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Orders);
        services.AddSingleton(Payments);
        services.AddSingleton(Ledger);
        services.AddSingleton(ReconciliationDays);
        services.AddSingleton(SavedCards);
        services.AddSingleton(MarketplaceSellers);
        services.AddSingleton(MarketplaceShares);
        services.AddSingleton(MarketplaceApprovals);
        services.AddScoped<NopOrderServices>();
        services.AddScoped<IOrderService>(provider => provider.GetRequiredService<NopOrderServices>());
        services.AddScoped<IOrderProcessingService>(provider => provider.GetRequiredService<NopOrderServices>());
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The tables in memory, with the database behaviour the ledger relies on (<see cref="InMemoryRepository{TEntity}"/>).
/// </summary>
public sealed class InMemoryStorage : HarnessStorage
{
    private readonly InMemoryRepository<ParamPosPayment> _payments = new(attempt => attempt.OrderReference, attempt => (attempt.OrderGuid, attempt.AttemptNumber));
    private readonly InMemoryRepository<ParamPosLedgerEntry> _ledger = new(entry => (entry.OrderGuid, entry.Sequence));

    public override IOrderTable Orders { get; } = new InMemoryOrders();

    public override IRepository<ParamPosPayment> Payments => _payments;

    public override IRepository<ParamPosLedgerEntry> Ledger => _ledger;

    public override IRepository<ParamPosReconciliationDay> ReconciliationDays { get; } = new InMemoryRepository<ParamPosReconciliationDay>(row => (row.StoreId, row.Day));

    public override IRepository<ParamPosSavedCard> SavedCards => _savedCards;

    private readonly InMemoryRepository<ParamPosSavedCard> _savedCards = new(card => card.Token);

    public override IRepository<ParamPosMarketplaceSeller> MarketplaceSellers { get; } = new InMemoryRepository<ParamPosMarketplaceSeller>(seller => seller.VendorId);

    public override IRepository<ParamPosMarketplaceShare> MarketplaceShares { get; } =
        new InMemoryRepository<ParamPosMarketplaceShare>(share => (share.OrderGuid, share.VendorId, share.Attempt));

    public override IRepository<ParamPosMarketplaceApproval> MarketplaceApprovals { get; } =
        new InMemoryRepository<ParamPosMarketplaceApproval>(change => (change.ShareGuid, change.Sequence));

    public override int LedgerInsertConflicts => _ledger.UniqueViolations;

    /// <summary>Removes an order's attempts and entries: the order is then as version 1.0 left it, without a ledger.</summary>
    public void ForgetLedgerOf(Guid orderGuid)
    {
        _ledger.RemoveWhere(entry => entry.OrderGuid == orderGuid);
        _payments.RemoveWhere(attempt => attempt.OrderGuid == orderGuid);
    }

    public override IEnumerable<string> PluginRows()
    {
        return _payments.Rows.Select(row => JsonSerializer.Serialize(row)).Concat(_ledger.Rows.Select(row => JsonSerializer.Serialize(row)))
            .Concat(_savedCards.Rows.Select(row => JsonSerializer.Serialize(row)));
    }
}
