using System.CommandLine;
using Trent.Core.Crypto;
using Trent.Core.Storage;
using Trent.Server.Backup;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary>
/// <c>trent restore --in FILE</c>: loads a backup into an empty store of either backend (a new data directory, or an
/// empty PostgreSQL schema), after checking the whole archive and that the root key given is the one it is sealed under.
/// </summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "The archive written by trent backup.", Required = true };
        var common = CommonOptions.Create();
        var command = new Command("restore", "Load a backup into an empty store (either backend).") { input };
        common.AddTo(command, withAccountId: false);
        command.SetAction(async (parse, ct) =>
        {
            var options = common.Read(parse);
            var path = parse.GetValue(input)!;
            try
            {
                if (!File.Exists(options.RootKeyPath) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RootKeyFile.EnvironmentVariable)))
                {
                    throw new StartupException(
                        $"Restoring needs the root key the backup is sealed under: --root-key-file (none at {options.RootKeyPath}) or {RootKeyFile.EnvironmentVariable}.");
                }
                if (options.Storage == StorageKind.Sqlite)
                {
                    SecureFile.CreateDirectory(options.DataDir);
                }
                using var rootKey = RootKeyFile.LoadOrCreate(options.RootKeyPath, SystemRandomSource.Instance, out _);
                await using var store = await StoreFactory.OpenAsync(options, ct);
                var records = await StoreBackup.RestoreAsync(path, store, rootKey, total => ProgressBar.ForConsole("restore", total), ct);
                Console.WriteLine($"Restored {records} records into the {store.Description}.");
                return 0;
            }
            catch (Exception e) when (e is StartupException or StoreNotEmptyException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"trent: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
