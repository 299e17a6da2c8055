using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
    where TNext : IFluentSyntax
    where TNextFk : IFluentSyntax
{
    TNext Identity();
    TNext PrimaryKey();
    TNext Nullable();
    TNext NotNullable();
}
