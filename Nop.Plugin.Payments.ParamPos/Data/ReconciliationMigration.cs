using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Creates the table of daily checks against Param's records (one row per store and Turkish day). NoMatter: run on
/// install, and once when a store updates from 1.1; uninstalling drops it.
/// </summary>
[NopMigration("2026-12-03 09:00:00", "Payments.ParamPos: daily checks against Param's records", MigrationProcessType.NoMatter)]
public class ReconciliationMigration : AutoReversingMigration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        Create.TableFor<ParamPosReconciliationDay>();
        Create.Index("UX_ParamPosReconciliationDay_StoreId_Day").OnTable(nameof(ParamPosReconciliationDay))
            .OnColumn(nameof(ParamPosReconciliationDay.StoreId)).Ascending()
            .OnColumn(nameof(ParamPosReconciliationDay.Day)).Ascending()
            .WithOptions().Unique();
    }
}
