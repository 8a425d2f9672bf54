using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Trent.Bench.Http;

namespace Trent.Bench.Servers;

/// <summary>A server the benchmark started: its process (killed on dispose) and the tail of its output for diagnostics.</summary>
public sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private ServerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => string.Join('\n', _tail);

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var server = new ServerProcess(process);
        // Output is drained continuously: a server blocked on a full pipe would look slow.
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ActiveServers.Add(server);
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _tail.Enqueue(line);
        while (_tail.Count > KeptLines && _tail.TryDequeue(out _))
        {
        }
    }

    /// <summary>Waits until the server answers <c>GET path</c> with any HTTP status.</summary>
    public async Task WaitForHttpAsync(IPEndPoint endpoint, string path, TimeSpan timeout)
    {
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {endpoint}\r\n\r\n");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{RecentOutput}");
            }
            try
            {
                using var connection = await HttpConnection.OpenAsync(endpoint);
                await connection.SendAsync(request);
                return;
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public TimeSpan CpuTime() => ProcStats.CpuTime(Pid);

    public long RssBytes() => ProcStats.RssBytes(Pid);

    public void Dispose()
    {
        ActiveServers.Remove(this);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
