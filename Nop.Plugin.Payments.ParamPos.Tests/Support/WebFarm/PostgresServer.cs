using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// A throwaway PostgreSQL server from Debian's postgresql package (installed by .ci/run): its own data directory in
/// /tmp, listening on 127.0.0.1 only on a free port, fsync off (test data), stopped and deleted on dispose. As root
/// (CI) the server runs as the package's postgres user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string directory, int port, bool asPostgresUser)
    {
        _bin = bin;
        _directory = directory;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string to a database of this server.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 200,
        Timeout = 30,
        CommandTimeout = 60
    }.ConnectionString;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(path => File.Exists(Path.Combine(path, "initdb"))).OrderByDescending(path => path).FirstOrDefault()
            : null;
        if (bin is null)
            Assert.Fail("PostgreSQL is missing: install Debian's postgresql package (apt-get install postgresql); .ci/run does.");

        var directory = Path.Combine(Path.GetTempPath(), "parampos-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var asPostgresUser = Environment.UserName == "root";
        var server = new PostgresServer(bin, directory, FreePort(), asPostgresUser);
        if (asPostgresUser)
            await server.RunAsync("chown", $"postgres: {directory}", asPostgres: false);

        var data = Path.Combine(directory, "data");
        await server.RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        await server.RunAsync(Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(directory, "server.log")} -w -t 60 -o \"-h 127.0.0.1 -p {server.Port} -k {directory} -F -c max_connections=300\" start");

        return server;
    }

    /// <summary>Creates an empty database.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_directory, "data")} -m immediate -w -t 30 stop");
        }
        finally
        {
            if (Directory.Exists(_directory))
                Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task RunAsync(string program, string arguments, bool asPostgres = true)
    {
        var start = asPostgres && _asPostgresUser
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = _directory;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
