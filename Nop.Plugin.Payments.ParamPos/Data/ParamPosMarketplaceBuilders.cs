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
            .WithColumn(nameof(ParamPosMarketplaceSeller.MaskedIdentityNumber)).AsString(20).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Name)).AsString(150).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Title)).AsString(250).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Mobile)).AsString(10).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Iban)).AsString(26).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.IbanHolder)).AsString(250).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Address)).AsString(200).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Email)).AsString(150).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.Mcc)).AsString(10).Nullable()
            .WithColumn(nameof(ParamPosMarketplaceSeller.TaxOffice)).AsString(100).Nullable();
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

/// <summary>
/// Represents the marketplace approval table's text columns with their sizes
/// </summary>
public class ParamPosMarketplaceApprovalBuilder : NopEntityBuilder<ParamPosMarketplaceApproval>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosMarketplaceApproval.ShareGuid)).AsString(64).NotNullable()
            .WithColumn(nameof(ParamPosMarketplaceApproval.Answer)).AsString(500).Nullable();
    }
}
