using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Creates the marketplace tables: the vendors registered as sellers (one per vendor), the declarations of their
/// shares (unique per order, vendor and attempt) and the changes of their approval (unique per share and sequence). NoMatter: run on install and once on update; uninstalling drops them.
/// </summary>
[NopMigration("2026-12-05 09:00:00", "Payments.ParamPos: marketplace sellers and shares", MigrationProcessType.NoMatter)]
public class MarketplaceMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<ParamPosMarketplaceSeller>();
        Create.Index("UX_ParamPosMarketplaceSeller_VendorId").OnTable(nameof(ParamPosMarketplaceSeller))
            .OnColumn(nameof(ParamPosMarketplaceSeller.VendorId)).Ascending()
            .WithOptions().Unique();
        Create.TableFor<ParamPosMarketplaceShare>();
        Create.Index("UX_ParamPosMarketplaceShare_OrderGuid_VendorId_Attempt").OnTable(nameof(ParamPosMarketplaceShare))
            .OnColumn(nameof(ParamPosMarketplaceShare.OrderGuid)).Ascending()
            .OnColumn(nameof(ParamPosMarketplaceShare.VendorId)).Ascending()
            .OnColumn(nameof(ParamPosMarketplaceShare.Attempt)).Ascending()
            .WithOptions().Unique();
        Create.TableFor<ParamPosMarketplaceApproval>();
        Create.Index("UX_ParamPosMarketplaceApproval_ShareGuid_Sequence").OnTable(nameof(ParamPosMarketplaceApproval))
            .OnColumn(nameof(ParamPosMarketplaceApproval.ShareGuid)).Ascending()
            .OnColumn(nameof(ParamPosMarketplaceApproval.Sequence)).Ascending()
            .WithOptions().Unique();
    }
}
