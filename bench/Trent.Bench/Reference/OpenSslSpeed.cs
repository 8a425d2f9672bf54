using System.Diagnostics;
using System.Globalization;

namespace Trent.Bench.Reference;

/// <summary>
/// <c>openssl speed -multi &lt;cores&gt; ecdsap256</c>: what this machine's cores can sign with P-256 when they do
/// nothing else. Trent's Sign target is a fraction of it.
/// </summary>
public static class OpenSslSpeed
{
    public sealed record Result(double SignPerSecond, double VerifyPerSecond, int Processes, string Line);

    public static async Task<Result?> EcdsaP256Async(int seconds, int processes)
    {
        var info = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "speed", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "-multi", processes.ToString(CultureInfo.InvariantCulture), "ecdsap256" })
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            await errors;
            return Parse(output, processes);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Reads the summary line: " 256 bits ecdsa (nistp256)   0.0000s   0.0000s 100315.5  33257.0" (sign/s, verify/s last).</summary>
    public static Result? Parse(string output, int processes)
    {
        var line = output.Split('\n').LastOrDefault(l => l.Contains("ecdsa (nistp256)", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2
               && double.TryParse(fields[^2], CultureInfo.InvariantCulture, out var sign)
               && double.TryParse(fields[^1], CultureInfo.InvariantCulture, out var verify)
            ? new Result(sign, verify, processes, line.Trim())
            : null;
    }
}
