namespace FluentMigrator;

public abstract class AutoReversingMigration : MigrationBase
{
    public sealed override void Down()
    {
        throw new NotSupportedException("FluentMigrator reference surface: runs only against the real FluentMigrator.");
    }
}
