using System.Net;
using Trent.Bench.Http;
using Trent.Bench.Signing;

namespace Trent.Bench.Servers;

/// <summary>Starts each target as its own process on a free loopback port and waits until it answers.</summary>
public static class TargetLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>trent serve --dev</c> on a fresh data directory (SQLite, everything else as shipped). Requests are signed
    /// with the root credentials it writes, so SigV4 verification really runs.
    /// </summary>
    public static async Task<TargetInstance> StartTrentAsync(string repoRoot, string name, int keyCount)
    {
        var dll = Path.Combine(repoRoot, "src/Trent.Server/bin/Release/net10.0/trent.dll");
        RequireBuilt(dll);
        var dataDir = Path.Combine(Path.GetTempPath(), "trent-bench-" + Guid.NewGuid().ToString("N"));
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        var process = ServerProcess.Start("dotnet", [dll, "serve", "--dev", "--data-dir", dataDir, "--urls", $"http://{endpoint}"], repoRoot);
        try
        {
            await process.WaitForHttpAsync(endpoint, "/health", StartTimeout);
            var credentials = Credentials.ReadFile(Path.Combine(dataDir, "root-credentials"));
            return new TargetInstance(name, TargetKind.Trent, keyCount, process, endpoint, credentials, dataDir);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary><c>python3 -m moto.server</c>; moto accepts any credentials.</summary>
    public static async Task<TargetInstance> StartMotoAsync(int keyCount)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        var process = ServerProcess.Start("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        try
        {
            await process.WaitForHttpAsync(endpoint, "/moto-api/", StartTimeout);
            return new TargetInstance("moto", TargetKind.Moto, keyCount, process, endpoint, Credentials.Dummy, null);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>The bare Kestrel endpoint (bench/Trent.Bench.Ceiling): the HTTP ceiling of this machine.</summary>
    public static async Task<TargetInstance> StartCeilingAsync(string repoRoot, int keyCount)
    {
        var dll = Path.Combine(repoRoot, "bench/Trent.Bench.Ceiling/bin/Release/net10.0/Trent.Bench.Ceiling.dll");
        RequireBuilt(dll);
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        var process = ServerProcess.Start("dotnet", [dll, "--urls", $"http://{endpoint}"], repoRoot);
        try
        {
            await process.WaitForHttpAsync(endpoint, "/", StartTimeout);
            return new TargetInstance("ceiling", TargetKind.Ceiling, keyCount, process, endpoint, Credentials.Dummy, null);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private static void RequireBuilt(string dll)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: run `dotnet build -c Release` in the repository first.");
        }
    }
}
