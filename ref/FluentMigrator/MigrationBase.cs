using FluentMigrator.Builders.Create;

namespace FluentMigrator;

/// <summary>Surface: the real base class collects the expressions; nothing here runs (the host's or the tests' FluentMigrator does).</summary>
public abstract class MigrationBase
{
    public abstract void Up();

    public abstract void Down();

    public ICreateExpressionRoot Create => throw new NotSupportedException("FluentMigrator reference surface: runs only against the real FluentMigrator.");
}
