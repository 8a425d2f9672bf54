using System.CommandLine;
using System.Globalization;
using Trent.Core.Crypto;
using Trent.Server.Audit;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary>
/// <c>trent audit verify</c> checks the trail's chain and digests and names the first place it was altered;
/// <c>trent audit query</c> prints the records a filter selects. Both only read, and run beside a server.
/// </summary>
public static class AuditCommand
{
    public static Command Create() => new("audit", "Check and search the audit trail.") { Verify(), Query() };

    private static Command Verify()
    {
        var location = new Location();
        var rootKeyFile = new Option<string?>("--root-key-file")
        {
            Description = "The root key that signs the digests; default <data-dir>/root.key (TRENT_ROOT_KEY_FILE, or TRENT_ROOT_KEY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_ROOT_KEY_FILE"),
        };
        var window = new TimeWindow();
        var command = new Command("verify", "Check the trail's hash chain and signed digests; name the first record or file altered, removed or reordered.")
        {
            rootKeyFile,
        };
        location.AddTo(command);
        window.AddTo(command);
        command.SetAction(parse =>
        {
            var (dataDir, auditDir) = location.Read(parse);
            var key = DigestKey(parse.GetValue(rootKeyFile) ?? Path.Combine(dataDir, "root.key"));
            try
            {
                var result = AuditVerifier.Verify(auditDir, key, window.From(parse), window.To(parse));
                Console.WriteLine(result.Message);
                return result.Intact ? 0 : 1;
            }
            finally
            {
                if (key is not null)
                {
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
                }
            }
        });
        return command;
    }

    private static Command Query()
    {
        var location = new Location();
        var window = new TimeWindow();
        var eventName = new Option<string?>("--event-name") { Description = "Only events of this operation (Encrypt, CreateKey, RotateKey, ...)." };
        var key = new Option<string?>("--key") { Description = "Only events naming this key (key id or key ARN)." };
        var principal = new Option<string?>("--principal") { Description = "Only events by this principal (ARN, principal id, access key id or user name)." };
        var errorCode = new Option<string?>("--error-code") { Description = "Only events that failed with this error code (AccessDeniedException, ...)." };
        var table = new Option<bool>("--table") { Description = "Print a table instead of JSON lines." };
        var command = new Command("query", "Print the audit records that match, oldest first, as JSON lines.") { eventName, key, principal, errorCode, table };
        location.AddTo(command);
        window.AddTo(command);
        command.SetAction(parse =>
        {
            var (_, auditDir) = location.Read(parse);
            AuditQuery.Run(auditDir, new AuditFilter
            {
                From = window.From(parse),
                To = window.To(parse),
                EventName = parse.GetValue(eventName),
                Key = parse.GetValue(key),
                Principal = parse.GetValue(principal),
                ErrorCode = parse.GetValue(errorCode),
            }, Console.Out, Console.Error, parse.GetValue(table));
            return 0;
        });
        return command;
    }

    /// <summary>The digest key, when the root key is at hand; without it, verify checks everything but the signatures.</summary>
    private static byte[]? DigestKey(string rootKeyPath)
    {
        var fromEnvironment = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RootKeyFile.EnvironmentVariable));
        if (!fromEnvironment && !File.Exists(rootKeyPath))
        {
            return null;
        }
        using var rootKey = RootKeyFile.LoadOrCreate(rootKeyPath, SystemRandomSource.Instance, out _);
        return TrailDigest.DeriveKey(rootKey);
    }

    /// <summary>--data-dir and --audit-dir.</summary>
    private sealed class Location
    {
        private readonly Option<string> _dataDir = new("--data-dir")
        {
            Description = "The data directory (TRENT_DATA_DIR).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_DATA_DIR") ?? "trent-data",
        };

        private readonly Option<string?> _auditDir = new("--audit-dir")
        {
            Description = "The audit trail's directory; default <data-dir>/audit (TRENT_AUDIT_DIR).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_AUDIT_DIR"),
        };

        public void AddTo(Command command)
        {
            command.Options.Add(_dataDir);
            command.Options.Add(_auditDir);
        }

        public (string DataDir, string AuditDir) Read(ParseResult parse)
        {
            var dataDir = parse.GetValue(_dataDir)!;
            return (dataDir, new AuditOptions { Directory = parse.GetValue(_auditDir) }.DirectoryFor(dataDir));
        }
    }

    /// <summary>--from and --to, ISO 8601 (UTC unless an offset is given).</summary>
    private sealed class TimeWindow
    {
        private readonly Option<string?> _from = new("--from") { Description = "Only from this time (ISO 8601, e.g. 2025-01-31T08:00:00Z)." };
        private readonly Option<string?> _to = new("--to") { Description = "Only up to this time (ISO 8601)." };

        public void AddTo(Command command)
        {
            foreach (var option in new[] { _from, _to })
            {
                option.Validators.Add(result =>
                {
                    if (result.GetValueOrDefault<string?>() is { } value && Parse(value) is null)
                    {
                        result.AddError($"{option.Name} must be an ISO 8601 time, not '{value}'.");
                    }
                });
                command.Options.Add(option);
            }
        }

        public DateTimeOffset? From(ParseResult parse) => Parse(parse.GetValue(_from));

        public DateTimeOffset? To(ParseResult parse) => Parse(parse.GetValue(_to));

        private static DateTimeOffset? Parse(string? value) =>
            value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
