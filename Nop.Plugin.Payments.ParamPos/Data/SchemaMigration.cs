using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Creates the payment ledger's tables. NoMatter: nopCommerce runs it when the plugin is installed and, once, when a
/// store upgrades from 1.0 (which had no tables); uninstalling drops them (the migration reverses itself).
/// The unique indexes are what make the ledger's claims atomic on every database nopCommerce supports.
/// </summary>
[NopMigration("2026-12-02 09:00:00", "Payments.ParamPos 1.1: payment ledger", MigrationProcessType.NoMatter)]
public class SchemaMigration : AutoReversingMigration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        Create.TableFor<ParamPosPayment>();
        Create.TableFor<ParamPosLedgerEntry>();

        Create.Index("UX_ParamPosPayment_OrderReference").OnTable(nameof(ParamPosPayment))
            .OnColumn(nameof(ParamPosPayment.OrderReference)).Ascending()
            .WithOptions().Unique();
        Create.Index("UX_ParamPosPayment_OrderGuid_AttemptNumber").OnTable(nameof(ParamPosPayment))
            .OnColumn(nameof(ParamPosPayment.OrderGuid)).Ascending()
            .OnColumn(nameof(ParamPosPayment.AttemptNumber)).Ascending()
            .WithOptions().Unique();
        Create.Index("UX_ParamPosLedgerEntry_OrderGuid_Sequence").OnTable(nameof(ParamPosLedgerEntry))
            .OnColumn(nameof(ParamPosLedgerEntry.OrderGuid)).Ascending()
            .OnColumn(nameof(ParamPosLedgerEntry.Sequence)).Ascending()
            .WithOptions().Unique();
        Create.Index("IX_ParamPosLedgerEntry_StateId").OnTable(nameof(ParamPosLedgerEntry))
            .OnColumn(nameof(ParamPosLedgerEntry.StateId)).Ascending();
    }
}
