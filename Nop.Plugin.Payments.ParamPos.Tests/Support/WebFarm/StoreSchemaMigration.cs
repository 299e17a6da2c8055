using FluentMigrator;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Data.Extensions;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// The store's own tables the tests need beside the plugin's: orders, order notes and paid transitions, made the way
/// nopCommerce makes its tables (TableFor). Its version is below the plugin's migration.
/// </summary>
[Migration(1, "Test store: orders, order notes, paid transitions")]
public class StoreSchemaMigration : AutoReversingMigration
{
    public override void Up()
    {
        TableFor<Order>();
        TableFor<OrderNote>();
        TableFor<OrderPaidEvent>();
    }

    /// <summary>
    /// Create.TableFor&lt;T&gt;() through reflection: ref/Nop.Data is compiled against the FluentMigrator 7.1 stand-in, this
    /// assembly against the real 8.0 (one type at run time, two for the compiler).
    /// </summary>
    private void TableFor<TEntity>() where TEntity : BaseEntity
    {
        typeof(FluentMigratorExtensions).GetMethod(nameof(FluentMigratorExtensions.TableFor))!.MakeGenericMethod(typeof(TEntity)).Invoke(null, [Create]);
    }
}
