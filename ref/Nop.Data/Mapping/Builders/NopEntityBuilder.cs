using FluentMigrator.Builders.Create.Table;
using Nop.Core;

namespace Nop.Data.Mapping.Builders;

public abstract partial class NopEntityBuilder<TEntity> : IEntityBuilder where TEntity : BaseEntity
{
    public abstract void MapEntity(CreateTableExpressionBuilder table);
}
