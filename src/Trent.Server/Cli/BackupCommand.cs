using System.CommandLine;
using Trent.Server.Backup;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary>
/// <c>trent backup --out FILE</c>: one consistent snapshot of the store (the data directory's SQLite file, or the PostgreSQL
/// database) as a checksummed archive. Secrets stay sealed; the root key is not in it. It runs beside live servers.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The archive to write; it must not exist yet.", Required = true };
        var common = CommonOptions.Create();
        var command = new Command("backup", "Write a consistent, still-sealed archive of the store.") { output };
        common.AddTo(command, withAccountId: false);
        command.SetAction(async (parse, ct) =>
        {
            var options = common.Read(parse);
            var path = parse.GetValue(output)!;
            try
            {
                if (options.Storage == StorageKind.Sqlite && !File.Exists(options.DatabasePath))
                {
                    throw new StartupException($"{Path.GetFullPath(options.DataDir)} holds no Trent database to back up.");
                }
                await using var store = await StoreFactory.OpenAsync(options, ct);
                var records = await StoreBackup.BackupAsync(store, path, total => ProgressBar.ForConsole("backup", total), TimeProvider.System, ct);
                Console.WriteLine($"Backed up {records} records of the {store.Description} to {Path.GetFullPath(path)}.");
                return 0;
            }
            catch (Exception e) when (e is StartupException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"trent: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
