using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Creates the table of cards customers stored at Param (a token is unique; a customer's cards are read by customer and
/// store). NoMatter: run on install, and once when a store updates; uninstalling drops it.
/// </summary>
[NopMigration("2026-12-04 09:00:00", "Payments.ParamPos: saved cards", MigrationProcessType.NoMatter)]
public class SavedCardMigration : AutoReversingMigration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        Create.TableFor<ParamPosSavedCard>();
        Create.Index("UX_ParamPosSavedCard_Token").OnTable(nameof(ParamPosSavedCard))
            .OnColumn(nameof(ParamPosSavedCard.Token)).Ascending()
            .WithOptions().Unique();
        Create.Index("IX_ParamPosSavedCard_CustomerId_StoreId").OnTable(nameof(ParamPosSavedCard))
            .OnColumn(nameof(ParamPosSavedCard.CustomerId)).Ascending()
            .OnColumn(nameof(ParamPosSavedCard.StoreId)).Ascending();
    }
}
