using System.Diagnostics;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>
/// Real write failures for the audit directory, that stop root as well as anyone: the directory replaced by a file
/// (ENOTDIR on the next file the trail opens), or a tiny tmpfs filled up (ENOSPC on the open file).
/// </summary>
public static class BrokenTrail
{
    /// <summary>Moves the directory away and puts a file in its place; dispose to put it back.</summary>
    public static IDisposable ReplaceWithFile(string directory)
    {
        var moved = directory + ".moved";
        Directory.Move(directory, moved);
        File.WriteAllText(directory, "not a directory");
        return new Restore(() =>
        {
            File.Delete(directory);
            Directory.Move(moved, directory);
        });
    }

    /// <summary>A tmpfs of <paramref name="kilobytes"/> KiB mounted at a new directory; null where mounting is not allowed.</summary>
    public static async Task<string?> MountTinyFilesystemAsync(int kilobytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var mountPoint = Path.Combine(Path.GetTempPath(), "trent-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mountPoint);
        if (await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", mountPoint) == 0)
        {
            return mountPoint;
        }
        Directory.Delete(mountPoint);
        return null;
    }

    public static async Task UnmountAsync(string mountPoint)
    {
        await RunAsync("umount", mountPoint);
        Directory.Delete(mountPoint);
    }

    /// <summary>Fills the filesystem of <paramref name="directory"/> to the last byte; dispose to free the space again.</summary>
    public static IDisposable Fill(string directory)
    {
        var filler = Path.Combine(directory, "filler");
        using (var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            foreach (var chunk in new[] { 64 * 1024, 4096, 256, 1 })
            {
                var bytes = new byte[chunk];
                try
                {
                    while (true)
                    {
                        stream.Write(bytes);
                    }
                }
                catch (IOException)
                {
                    // Full at this granularity; try smaller writes into what is left.
                }
            }
        }
        return new Restore(() => File.Delete(filler));
    }

    /// <summary>
    /// Takes the write permission of <paramref name="directory"/> away, so no new file can be made in it; dispose to give it
    /// back. Null when that does not stop this process (root may write anywhere, and Windows has no such modes), checked by trying.
    /// </summary>
    public static IDisposable? RevokeWrite(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var mode = File.GetUnixFileMode(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var probe = Path.Combine(directory, "probe");
        try
        {
            File.WriteAllText(probe, "");
        }
        catch (UnauthorizedAccessException)
        {
            return new Restore(() =>
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(directory, mode);
                }
            });
        }
        File.Delete(probe);
        File.SetUnixFileMode(directory, mode);
        return null;
    }

    private static async Task<int> RunAsync(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
