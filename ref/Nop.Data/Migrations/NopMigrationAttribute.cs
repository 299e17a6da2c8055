using System.Globalization;
using FluentMigrator;

namespace Nop.Data.Migrations;

/// <summary>
/// Surface with the host's behaviour the tests need: the version is the ticks of the date (NopMigrationDefaults.DateFormats),
/// the description as given, the process type kept.
/// </summary>
public partial class NopMigrationAttribute : MigrationAttribute
{
    public NopMigrationAttribute(string dateTime, string description, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(DateTime.ParseExact(dateTime, NopMigrationDefaults.DateFormats, CultureInfo.InvariantCulture).Ticks, description)
    {
        TargetMigrationProcess = targetMigrationProcess;
    }

    public virtual MigrationProcessType TargetMigrationProcess { get; }
}
