using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// Represents the ledger table's text columns with their sizes; nopCommerce maps the rest (ids, amounts, dates) by type
/// </summary>
public class ParamPosLedgerEntryBuilder : NopEntityBuilder<ParamPosLedgerEntry>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(ParamPosLedgerEntry.Source)).AsString(LedgerEntryLimits.SOURCE).NotNullable()
            .WithColumn(nameof(ParamPosLedgerEntry.ResultCode)).AsString(LedgerEntryLimits.CODE).Nullable()
            .WithColumn(nameof(ParamPosLedgerEntry.ResultText)).AsString(LedgerEntryLimits.TEXT).Nullable()
            .WithColumn(nameof(ParamPosLedgerEntry.ReceiptId)).AsString(LedgerEntryLimits.CODE).Nullable()
            .WithColumn(nameof(ParamPosLedgerEntry.BankCode)).AsString(LedgerEntryLimits.CODE).Nullable()
            .WithColumn(nameof(ParamPosLedgerEntry.BankAuthCode)).AsString(LedgerEntryLimits.CODE).Nullable()
            .WithColumn(nameof(ParamPosLedgerEntry.BankReference)).AsString(LedgerEntryLimits.REFERENCE).Nullable();
    }
}

/// <summary>
/// Sizes of the ledger's text columns: what the plugin writes is cut to them (LedgerAnswer).
/// </summary>
public static class LedgerEntryLimits
{
    public const int SOURCE = 50;
    public const int CODE = 30;
    public const int TEXT = 500;
    public const int REFERENCE = 64;
}
