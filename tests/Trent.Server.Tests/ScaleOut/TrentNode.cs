using System.Diagnostics;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// One real <c>trent serve</c> process on PostgreSQL, on a free loopback port, as an operator runs a node: its own data
/// directory, the cluster's shared root key file and connection string. It can be stopped, or killed as a crash would.
/// </summary>
public sealed class TrentNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TrentNode(Process process, Uri baseAddress, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a node and waits until it answers /health; a node that exits first is returned as it is.</summary>
    public static Task<TrentNode> StartAsync(string connectionString, string rootKeyFile, string dataDir, params string[] extra) =>
        StartAsync(["--storage", "postgres", "--postgres", connectionString, "--root-key-file", rootKeyFile, "--data-dir", dataDir, .. extra],
            new Dictionary<string, string>(), dataDir);

    /// <summary>
    /// Starts a node configured through <paramref name="environment"/> (TRENT_STORAGE, TRENT_POSTGRES, ...) rather than its
    /// command line, which names only the root key file, data directory and port.
    /// </summary>
    public static Task<TrentNode> StartConfiguredByEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string rootKeyFile, string dataDir) =>
        StartAsync(["--root-key-file", rootKeyFile, "--data-dir", dataDir], environment, dataDir);

    private static async Task<TrentNode> StartAsync(string[] arguments, IReadOnlyDictionary<string, string> environment, string dataDir)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[TrentDll(), "serve", .. arguments, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            start.ArgumentList.Add(argument);
        }
        // The node's settings come from its command line and the given environment only.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TRENT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var node = new TrentNode(Process.Start(start)!, baseAddress, dataDir);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        await node.WaitUntilServingAsync();
        return node;
    }

    public AmazonKeyManagementServiceClient Kms(SigningCredentials credentials) =>
        new(new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>A clean shutdown (SIGTERM), as a service manager stops a node.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                return;
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"trent serve did not answer on {BaseAddress} within 60 seconds:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The trent.dll of the configuration this test assembly was built in (test.sh builds the whole solution).
    private static string TrentDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDir.Parent!.Name;
        var framework = testDir.Name;
        for (var dir = testDir; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trent.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Trent.Server", "bin", configuration, framework, "trent.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first: {dll} is missing.");
            }
        }
        throw new InvalidOperationException("The repository root (Trent.slnx) is not above the test assembly.");
    }
}
