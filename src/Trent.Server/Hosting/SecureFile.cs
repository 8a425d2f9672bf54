namespace Trent.Server.Hosting;

/// <summary>Files and directories only the owner can read, created that way rather than tightened afterwards.</summary>
public static class SecureFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a new file with mode 0600; fails if it exists.</summary>
    public static void WriteNew(string path, string contents)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Creates a directory with mode 0700 if it does not exist.</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerAll);
        }
    }
}
