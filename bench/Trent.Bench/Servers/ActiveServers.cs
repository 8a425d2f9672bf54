namespace Trent.Bench.Servers;

/// <summary>Every server still running, so that Ctrl+C or a crash of the benchmark does not leave them behind.</summary>
public static class ActiveServers
{
    private static readonly List<ServerProcess> Servers = [];

    static ActiveServers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    public static void Add(ServerProcess server)
    {
        lock (Servers)
        {
            Servers.Add(server);
        }
    }

    public static void Remove(ServerProcess server)
    {
        lock (Servers)
        {
            Servers.Remove(server);
        }
    }

    private static void StopAll()
    {
        ServerProcess[] running;
        lock (Servers)
        {
            running = [.. Servers];
        }
        foreach (var server in running)
        {
            server.Dispose();
        }
    }
}
