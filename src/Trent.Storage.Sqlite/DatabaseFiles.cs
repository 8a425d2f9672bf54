namespace Trent.Storage.Sqlite;

/// <summary>Keeps the database file and its companions readable by the owner only: they hold sealed secrets and key metadata.</summary>
internal static class DatabaseFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] CompanionSuffixes = ["-wal", "-shm"];

    /// <summary>Creates an empty database file with mode 0600 unless one exists; SQLite gives -wal and -shm the same mode.</summary>
    public static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        try
        {
            new FileStream(path, options).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            // An existing database is deliberately not opened here: closing any descriptor of the file would drop
            // the POSIX locks that SQLite connections of this process hold on it.
        }
    }

    /// <summary>Sets mode 0600 on the database file and on whichever of its -wal and -shm files exist.</summary>
    public static void RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(path, OwnerOnly);
        foreach (var suffix in CompanionSuffixes)
        {
            var companion = path + suffix;
            if (File.Exists(companion))
            {
                File.SetUnixFileMode(companion, OwnerOnly);
            }
        }
    }
}
