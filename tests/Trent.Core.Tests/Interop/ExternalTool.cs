using System.ComponentModel;
using System.Diagnostics;

namespace Trent.Core.Tests.Interop;

/// <summary>
/// Runs an independent implementation's command-line tool. A tool that is not installed fails the test with a
/// message saying what to install: these interop checks never skip silently.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Describe(string command) => $"{command} exited {ExitCode}: {Stderr.Trim()} {Stdout.Trim()}";
    }

    public static Result Run(string tool, string install, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"The interop tests need '{tool}', which was not found ({e.Message}). Install {install}.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{tool} {string.Join(' ', arguments)}' did not finish within 5 minutes.");
            }
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
