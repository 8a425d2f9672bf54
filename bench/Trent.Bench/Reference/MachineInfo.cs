using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Trent.Bench.Reference;

/// <summary>What the numbers were measured on, and at which commit: a result without these cannot be compared.</summary>
public sealed record MachineInfo(int Cores, string Cpu, long MemoryBytes, string Kernel, string Runtime, string Os)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        long.TryParse(FirstValue("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kib) ? kib * 1024 : 0,
        ReadOrEmpty("/proc/sys/kernel/osrelease"),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {MemoryBytes / (1024.0 * 1024 * 1024):F0} GiB, Linux {Kernel}, {Runtime}";

    /// <summary>The 1-, 5- and 15-minute load averages: other work on the machine shows here and explains noisy numbers.</summary>
    public static string LoadAverage() => string.Join(' ', ReadOrEmpty("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The short commit, with "+dirty" when the work tree has uncommitted changes.</summary>
    public static string Commit(string repoRoot)
    {
        var commit = Git(repoRoot, "rev-parse --short HEAD") ?? "unknown";
        return string.IsNullOrWhiteSpace(Git(repoRoot, "status --porcelain --untracked-files=no")) ? commit : commit + "+dirty";
    }

    private static string? Git(string repoRoot, string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", $"-C \"{repoRoot}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FirstValue(string path, string name) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";
}
