using System.Diagnostics;
using Npgsql;

namespace Trent.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests. <see cref="SharedAsync"/> is the one server of a test run: the one named by
/// TRENT_TEST_POSTGRES (./test.sh starts it once for every test project), or else a throwaway server this process starts
/// and removes at exit. <see cref="StartOwnAsync"/> starts a server of a test's own, for tests that stop and restart it.
/// Servers are run by tests/postgres/pg.sh: a fresh data directory, a free loopback port, trust authentication.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "TRENT_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly string? _directory;

    private PostgresServer(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string ConnectionString { get; }

    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>A server of the caller's own, removed on dispose.</summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trent-pg-" + Guid.NewGuid().ToString("N")[..12]);
        return new PostgresServer(await PgScriptAsync("start", directory), directory);
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops this (own) server gracefully; <see cref="StartAgainAsync"/> brings it back on the same port and data.</summary>
    public Task StopAsync() => PgScriptAsync("stop", OwnDirectory);

    /// <summary>Stops this (own) server as a crash would: the next start runs crash recovery.</summary>
    public Task KillAsync() => PgScriptAsync("kill", OwnDirectory);

    public Task StartAgainAsync() => PgScriptAsync("start", OwnDirectory);

    /// <summary>
    /// Suspends this (own) server and its backends (SIGSTOP): connections are still accepted by the kernel, but nothing
    /// answers, as with a server behind a network that drops packets. <see cref="ThawAsync"/> resumes it.
    /// </summary>
    public Task FreezeAsync() => SignalAllAsync("STOP");

    public Task ThawAsync() => SignalAllAsync("CONT");

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            await PgScriptAsync("remove", _directory);
        }
    }

    private string OwnDirectory => _directory ?? throw new InvalidOperationException("Only a server of the test's own may be stopped.");

    private static async Task<PostgresServer> StartSharedAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(given, null);
        }
        var server = await StartOwnAsync();
        // The test host exits normally after the run; the server goes with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    // The postmaster (first line of postmaster.pid) and its children, the backends.
    private Task SignalAllAsync(string signal) => RunAsync("bash", ["-c",
        "pid=$(head -n 1 \"$1/data/postmaster.pid\") && kill -" + signal + " $pid $(ps -o pid= --ppid $pid)", "signal", OwnDirectory]);

    private static Task<string> PgScriptAsync(string command, string directory) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot(), "tests", "postgres", "pg.sh"), command, directory]);

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
        return (await output).Trim();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trent.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Trent.slnx) is not above the test assembly.");
    }
}
