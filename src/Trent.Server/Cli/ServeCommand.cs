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
        var sm2Everywhere = new Option<bool>("--sm2-everywhere")
        {
            Description = "Offer SM2 keys and data key pairs in every region; AWS offers them only in its China Regions (TRENT_SM2_EVERYWHERE=1).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_SM2_EVERYWHERE") is "1" or "true",
        };
        var auditDir = new Option<string?>("--audit-dir")
        {
            Description = "The audit trail's directory; default <data-dir>/audit (TRENT_AUDIT_DIR).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_AUDIT_DIR"),
        };
        var auditFailOpen = new Option<bool>("--audit-fail-open")
        {
            Description = "Serve requests even when the audit trail cannot record them, dropping their events; for development only (TRENT_AUDIT_FAIL_OPEN=1).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_AUDIT_FAIL_OPEN") is "1" or "true",
        };
        var tlsCert = new Option<string?>("--tls-cert")
        {
            Description = "The PEM certificate that https:// URLs serve (TRENT_TLS_CERT).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_TLS_CERT"),
        };
        var tlsKey = new Option<string?>("--tls-key")
        {
            Description = "The certificate's PEM private key, unless it is in the --tls-cert file (TRENT_TLS_KEY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_TLS_KEY"),
        };
        var common = CommonOptions.Create();
        var command = new Command("serve", "Run the AWS KMS-compatible endpoint.") { urls, dev, sm2Everywhere, auditDir, auditFailOpen, tlsCert, tlsKey };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = common.Read(parse) with
            {
                Urls = parse.GetValue(urls)!,
                Dev = parse.GetValue(dev),
                Sm2Everywhere = parse.GetValue(sm2Everywhere),
                TlsCertificateFile = parse.GetValue(tlsCert),
                TlsKeyFile = parse.GetValue(tlsKey),
                Audit = new Audit.AuditOptions { Directory = parse.GetValue(auditDir), FailOpen = parse.GetValue(auditFailOpen) },
            };
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
