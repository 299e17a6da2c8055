using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Represents the marketplace seller table's text columns with their sizes
/// </summary>
public class ParamPosMarketplaceSellerBuilder : NopEntityBuilder<ParamPosMarketplaceSeller>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosMarketplaceSeller.SubMerchantGuid)).AsString(64).NotNullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.MaskedIdentityNumber)).AsString(20).Nullable();
    }
}

/// <summary>
/// Represents the marketplace share table's text columns with their sizes
/// </summary>
public class ParamPosMarketplaceShareBuilder : NopEntityBuilder<ParamPosMarketplaceShare>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosMarketplaceShare.SubMerchantGuid)).AsString(64).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceShare.TransactionId)).AsString(40).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceShare.ShareGuid)).AsString(64).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceShare.Answer)).AsString(500).Nullable();
    }
}
