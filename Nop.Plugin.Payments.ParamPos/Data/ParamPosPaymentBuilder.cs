using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Represents the payment attempt table's columns with their sizes; nopCommerce maps the rest (ids, numbers, dates) by type
/// </summary>
public class ParamPosPaymentBuilder : NopEntityBuilder<ParamPosPayment>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosPayment.OrderReference)).AsString(36).NotNullable()
            .WithColumn(nameof(ParamPosPayment.TransactionGuid)).AsString(64).Nullable()
            .WithColumn(nameof(ParamPosPayment.CurrencyCode)).AsString(3).NotNullable()
            .WithColumn(nameof(ParamPosPayment.MaskedCard)).AsString(20).Nullable()
            .WithColumn(nameof(ParamPosPayment.CardFamily)).AsString(100).Nullable()
            .WithColumn(nameof(ParamPosPayment.DeclineReason)).AsString(100).Nullable();
    }
}
