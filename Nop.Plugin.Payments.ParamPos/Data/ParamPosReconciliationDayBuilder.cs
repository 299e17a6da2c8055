using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Represents the reconciliation table's text columns with their sizes
/// </summary>
public class ParamPosReconciliationDayBuilder : NopEntityBuilder<ParamPosReconciliationDay>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosReconciliationDay.Error)).AsString(500).Nullable()
            .WithColumn(nameof(ParamPosReconciliationDay.ValueDates)).AsString(200).Nullable()
            .WithColumn(nameof(ParamPosReconciliationDay.DifferencesJson)).AsString(int.MaxValue).Nullable();
    }
}
