using System.Linq.Expressions;
using System.Reflection;
using FluentMigrator.Runner;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Data.Extensions;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// One PostgreSQL database as nopCommerce uses it: its schema made by FluentMigrator migrations (the plugin's own, as
/// nopCommerce applies it when the plugin is installed), its rows read and written with linq2db, every entity mapped as
/// nopCommerce maps it (a table per entity named after it, Id the identity key, a column per property of a mapped type;
/// enum wrappers such as Order.PaymentStatus are not columns).
/// </summary>
public sealed class PostgresDatabase
{
    private readonly DataOptions _options;

    static PostgresDatabase()
    {
        // DateTime values in UTC written to timestamp columns, as nopCommerce writes them.
        AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);
    }

    public PostgresDatabase(string connectionString, params Type[] entities)
    {
        ConnectionString = connectionString;
        var schema = new MappingSchema();
        var builder = new FluentMappingBuilder(schema);
        var map = typeof(PostgresDatabase).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var entity in entities)
            map.MakeGenericMethod(entity).Invoke(null, [builder]);
        builder.Build();

        _options = new DataOptions().UsePostgreSQL(connectionString).UseMappingSchema(schema);
    }

    public string ConnectionString { get; }

    public DataConnection Connect() => new(_options);

    /// <summary>Applies every migration of the given assemblies, as nopCommerce's migration manager does at install.</summary>
    public void MigrateUp(params Assembly[] assemblies)
    {
        using var services = Runner(assemblies);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    /// <summary>Reverses every migration (uninstall).</summary>
    public void MigrateDown(params Assembly[] assemblies)
    {
        using var services = Runner(assemblies);
        services.GetRequiredService<IMigrationRunner>().MigrateDown(0);
    }

    private ServiceProvider Runner(Assembly[] assemblies)
    {
        return new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddPostgres().WithGlobalConnectionString(ConnectionString).ScanIn(assemblies).For.Migrations())
            .BuildServiceProvider(false);
    }

    private static void Map<TEntity>(FluentMappingBuilder builder) where TEntity : BaseEntity
    {
        var entity = builder.Entity<TEntity>().HasTableName(typeof(TEntity).Name);
        entity.HasPrimaryKey(row => row.Id).HasIdentity(row => row.Id);
        foreach (var property in typeof(TEntity).GetProperties(BindingFlags.Instance | BindingFlags.Public)
                     .Where(property => !property.CanWrite || !FluentMigratorExtensions.IsMapped(property.PropertyType)))
        {
            var row = Expression.Parameter(typeof(TEntity), "row");
            entity.Property(Expression.Lambda<Func<TEntity, object>>(Expression.Convert(Expression.Property(row, property), typeof(object)), row)).IsNotColumn();
        }
    }
}
