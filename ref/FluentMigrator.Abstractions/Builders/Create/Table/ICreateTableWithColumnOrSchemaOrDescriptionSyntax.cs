namespace FluentMigrator.Builders.Create.Table;

public interface ICreateTableWithColumnOrSchemaOrDescriptionSyntax : ICreateTableWithColumnOrSchemaSyntax
{
}
