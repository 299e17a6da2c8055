namespace FluentMigrator.Builders.Create.Table;

/// <summary>Surface: only the member nopCommerce's entity builders call; the real class implements the column syntax itself.</summary>
public class CreateTableExpressionBuilder
{
    public ICreateTableColumnAsTypeSyntax WithColumn(string name)
    {
        throw new NotSupportedException("FluentMigrator reference surface: runs only against the real FluentMigrator.");
    }
}
