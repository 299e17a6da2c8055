using System.Collections;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;
using Nop.Core;
using Nop.Data.Mapping.Builders;

namespace Nop.Data.Extensions;

public static class FluentMigratorExtensions
{
    /// <summary>
    /// Surface with the host's behaviour, re-implemented from its description (plugin-facts.md), because the tests apply
    /// the plugin's migration to a real database through it: a table named after the entity, the entity's
    /// NopEntityBuilder applied, Id the identity primary key, every other public writable property mapped by its type
    /// (int, long, bool, decimal(18,4), DateTime as datetime2, Guid, byte[] and string without a size and nullable, a
    /// Nullable&lt;T&gt; nullable).
    /// </summary>
    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity
    {
        var type = typeof(TEntity);
        var table = (CreateTableExpressionBuilder)expressionRoot.Table(type.Name);
        table.WithColumn(nameof(BaseEntity.Id)).AsInt32().PrimaryKey().Identity();

        var builderType = type.Assembly.GetTypes().FirstOrDefault(candidate => !candidate.IsAbstract
            && typeof(IEntityBuilder).IsAssignableFrom(candidate)
            && (candidate.BaseType?.GetGenericArguments().Contains(type) ?? false));
        if (builderType is not null)
            ((IEntityBuilder)Activator.CreateInstance(builderType)!).MapEntity(table);

        var mapped = MappedColumns(table);
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(property => property.DeclaringType != typeof(BaseEntity) && property.CanWrite
                && property.GetCustomAttribute<NotMappedAttribute>() is null && !mapped.Contains(property.Name));
        foreach (var property in properties)
        {
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var propertyType = underlying ?? property.PropertyType;
            if (!TypeMapping.TryGetValue(propertyType, out var map))
                continue; // e.g. an enum wrapper over an int column: nopCommerce maps no column for it

            var typed = map(table.WithColumn(property.Name));
            if (underlying is not null || propertyType == typeof(string) || propertyType == typeof(byte[]))
                typed.Nullable();
        }
    }

    /// <summary>Gets whether nopCommerce maps a column for a property of this type (the tests map linq2db the same way).</summary>
    internal static bool IsMapped(Type propertyType) => TypeMapping.ContainsKey(Nullable.GetUnderlyingType(propertyType) ?? propertyType);

    private static readonly Dictionary<Type, Func<ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax>> TypeMapping = new()
    {
        [typeof(int)] = column => column.AsInt32(),
        [typeof(long)] = column => column.AsInt64(),
        [typeof(string)] = column => column.AsString(int.MaxValue),
        [typeof(bool)] = column => column.AsBoolean(),
        [typeof(decimal)] = column => column.AsDecimal(18, 4),
        [typeof(DateTime)] = column => column.AsDateTime2(),
        [typeof(byte[])] = column => column.AsBinary(int.MaxValue),
        [typeof(Guid)] = column => column.AsGuid()
    };

    /// <summary>
    /// The columns the entity builder defined, read from the real FluentMigrator builder by reflection so that this
    /// surface declares no more of FluentMigrator than the plugin uses.
    /// </summary>
    private static HashSet<string> MappedColumns(CreateTableExpressionBuilder table)
    {
        var expression = table.GetType().GetProperty("Expression")!.GetValue(table)!;
        var columns = (IEnumerable)expression.GetType().GetProperty("Columns")!.GetValue(expression)!;

        return columns.Cast<object>().Select(column => (string)column.GetType().GetProperty("Name")!.GetValue(column)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
