using System.CommandLine;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary><c>trent serve</c>: run the KMS endpoint on a data directory, initializing it on first start.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "URLs to listen on (TRENT_URLS).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_URLS") ?? TrentOptions.DefaultUrls,
        };
        var dev = new Option<bool>("--dev")
        {
            Description = "Accept unknown access key ids, unverified, as the account's root (for emulator-style use). Known keys are always verified (TRENT_DEV=1).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_DEV") is "1" or "true",
        };
        var common = CommonOptions.Create();
        var command = new Command("serve", "Run the AWS KMS-compatible endpoint.") { urls, dev };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = common.Read(parse) with { Urls = parse.GetValue(urls)!, Dev = parse.GetValue(dev) };
            try
            {
                await using var host = await TrentHost.StartAsync(options, ct: ct);
                if (host.CreatedCredentials is { } created)
                {
                    Console.WriteLine($"Initialized {Path.GetFullPath(options.DataDir)} with account {created.AccountId}.");
                    Console.WriteLine($"Root credentials (shown once; also in {options.RootCredentialsPath}, profile '{RootCredentials.ProfileName}'):");
                    Console.WriteLine($"  aws_access_key_id     = {created.AccessKeyId}");
                    Console.WriteLine($"  aws_secret_access_key = {created.SecretAccessKey}");
                }
                Console.WriteLine($"Trent is listening on {string.Join(", ", host.Addresses)}{(options.Dev ? " (dev mode: unknown access keys act as the root of " + options.AccountId + ")" : "")}.");
                await host.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (StartupException e)
            {
                await Console.Error.WriteLineAsync($"trent: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
