using System.Globalization;

namespace Trent.Bench.Servers;

/// <summary>A process's CPU time and resident memory, read from /proc (Linux).</summary>
public static class ProcStats
{
    // /proc reports CPU time in USER_HZ ticks, which the kernel's user-space ABI fixes at 100 per second.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of every thread of the process so far (fields 14 and 15 of /proc/pid/stat).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident set size in bytes (VmRSS of /proc/pid/status).</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }
}
