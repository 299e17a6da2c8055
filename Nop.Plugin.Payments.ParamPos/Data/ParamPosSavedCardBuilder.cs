using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Represents the saved-card table's text columns with their sizes (Param's limits: KS_GUID 36, KK_Islem_ID 200)
/// </summary>
public class ParamPosSavedCardBuilder : NopEntityBuilder<ParamPosSavedCard>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosSavedCard.Token)).AsString(64).NotNullable()
            .WithColumn(nameof(ParamPosSavedCard.CardReference)).AsString(200).Nullable()
            .WithColumn(nameof(ParamPosSavedCard.MaskedNumber)).AsString(19).NotNullable()
            .WithColumn(nameof(ParamPosSavedCard.BankName)).AsString(200).Nullable()
            .WithColumn(nameof(ParamPosSavedCard.CardFamily)).AsString(100).Nullable();
    }
}
