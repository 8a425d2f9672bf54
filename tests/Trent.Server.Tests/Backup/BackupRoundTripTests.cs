using System.CommandLine;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Backup;
using Trent.Server.Cli;
using Trent.Server.Hosting;
using Trent.Testing.Postgres;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Backup;

/// <summary>
/// <c>trent backup</c> and <c>trent restore</c> move a store between backends: SQLite to PostgreSQL to SQLite, after which
/// every ciphertext and signature made on the way still decrypts and verifies, with the same credentials.
/// </summary>
[Collection(nameof(CliConsole))]
public sealed class BackupRoundTripTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "trent-backup-" + Guid.NewGuid().ToString("N")[..12]);

    public Task InitializeAsync()
    {
        SecureFile.CreateDirectory(_work);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_store_moved_from_SQLite_to_PostgreSQL_and_back_still_decrypts_and_verifies_everything()
    {
        var postgres = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("trent_backup");
        var sqlite = new TrentOptions { DataDir = Path.Combine(_work, "first"), Urls = "http://127.0.0.1:0" };
        var rootKey = sqlite.RootKeyPath;
        var made = new List<Made>();
        RootCredentials root;
        await using (var host = await TrentHost.StartAsync(sqlite))
        {
            root = host.CreatedCredentials!;
            made.AddRange(await MakeAsync(Kms(host, root), "on SQLite"));
        }

        Assert.Equal(0, await CliAsync("backup", "--data-dir", sqlite.DataDir, "--out", Path.Combine(_work, "one.trent-backup")));
        Assert.Equal(0, await CliAsync("restore", "--in", Path.Combine(_work, "one.trent-backup"),
            "--storage", "postgres", "--postgres", postgres, "--root-key-file", rootKey, "--data-dir", Path.Combine(_work, "pg-node")));
        var onPostgres = sqlite with { DataDir = Path.Combine(_work, "pg-node"), RootKeyFile = rootKey, Storage = StorageKind.Postgres, PostgresConnectionString = postgres };
        await using (var host = await TrentHost.StartAsync(onPostgres))
        {
            Assert.Null(host.CreatedCredentials);
            await CheckAsync(Kms(host, root), made);
            made.AddRange(await MakeAsync(Kms(host, root), "on PostgreSQL"));
        }

        Assert.Equal(0, await CliAsync("backup", "--storage", "postgres", "--postgres", postgres, "--out", Path.Combine(_work, "two.trent-backup")));
        Assert.Equal(0, await CliAsync("restore", "--in", Path.Combine(_work, "two.trent-backup"),
            "--data-dir", Path.Combine(_work, "last"), "--root-key-file", rootKey));
        await using (var host = await TrentHost.StartAsync(sqlite with { DataDir = Path.Combine(_work, "last"), RootKeyFile = rootKey }))
        {
            Assert.Null(host.CreatedCredentials);
            await CheckAsync(Kms(host, root), made);
        }
    }

    [Fact]
    public async Task Restore_refuses_another_root_key_a_damaged_archive_and_a_store_that_holds_data()
    {
        var options = new TrentOptions { DataDir = Path.Combine(_work, "source"), Urls = "http://127.0.0.1:0" };
        await using (var host = await TrentHost.StartAsync(options))
        {
            await Kms(host, host.CreatedCredentials!).CreateKeyAsync("to back up");
        }
        var archive = Path.Combine(_work, "archive.trent-backup");
        Assert.Equal(0, await CliAsync("backup", "--data-dir", options.DataDir, "--out", archive));
        var otherKey = Path.Combine(_work, "other.key");
        SecureFile.WriteNew(otherKey, Convert.ToBase64String(RandomBytes(32)) + "\n");
        var damaged = Path.Combine(_work, "damaged.trent-backup");
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length * 2 / 3)]);

        Assert.Equal(2, await CliAsync("restore", "--in", archive, "--data-dir", Path.Combine(_work, "a"), "--root-key-file", otherKey));
        Assert.Equal(2, await CliAsync("restore", "--in", damaged, "--data-dir", Path.Combine(_work, "b"), "--root-key-file", options.RootKeyPath));
        Assert.Equal(2, await CliAsync("restore", "--in", archive, "--data-dir", options.DataDir));
        Assert.Equal(2, await CliAsync("backup", "--data-dir", options.DataDir, "--out", archive));
        // Nothing was restored by the refused attempts.
        foreach (var dir in new[] { "a", "b" })
        {
            await using var store = await Trent.Storage.Sqlite.SqliteStore.OpenAsync(Path.Combine(_work, dir, "trent.db"));
            Assert.Empty(await store.Identity.ListAccountsAsync());
        }
    }

    [Fact]
    public void The_progress_bar_shows_the_share_done_and_the_counts()
    {
        Assert.Equal("backup [###############---------------]  50% 1,000/2,000 records", ProgressBar.Render("backup", 1000, 2000));
        Assert.Equal("restore [------------------------------]   0% 0/3 records", ProgressBar.Render("restore", 0, 3));
        Assert.Equal("backup [##############################] 100% 0/0 records", ProgressBar.Render("backup", 0, 0));
    }

    [Fact]
    public void On_a_terminal_the_progress_bar_is_redrawn_in_place_and_elsewhere_only_the_final_line_is_written()
    {
        var terminal = new StringWriter();
        var log = new StringWriter();
        foreach (var bar in new[] { new ProgressBar("backup", 3, terminal, interactive: true), new ProgressBar("backup", 3, log, interactive: false) })
        {
            bar.Advance();
            bar.Advance();
            bar.Advance();
            bar.Finish();
        }

        Assert.StartsWith("\rbackup [##########--------------------]  33% 1/3 records\rbackup [", terminal.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\rbackup [##############################] 100% 3/3 records" + Environment.NewLine, terminal.ToString(), StringComparison.Ordinal);
        Assert.Equal("backup [##############################] 100% 3/3 records" + Environment.NewLine, log.ToString());
    }

    private sealed record Made(string What, MemoryStream? Ciphertext, string KeyId, byte[]? Message, MemoryStream? Signature);

    private static async Task<List<Made>> MakeAsync(AmazonKeyManagementServiceClient kms, string where)
    {
        var symmetric = await kms.CreateKeyAsync("symmetric " + where);
        // Under the first material version; the rest under the rotated one: every version must travel.
        var underFirstMaterial = await kms.EncryptAsync(symmetric.KeyId, "secret " + where);
        await kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = symmetric.KeyId });
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/" + where.Replace(' ', '-'), TargetKeyId = symmetric.KeyId });
        var signing = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.ECC_NIST_P256, KeyUsage = KeyUsageType.SIGN_VERIFY })).KeyMetadata;
        var message = System.Text.Encoding.UTF8.GetBytes("signed " + where);
        var signature = (await kms.SignAsync(new SignRequest
        {
            KeyId = signing.KeyId,
            Message = new MemoryStream(message),
            SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
        })).Signature;
        return
        [
            new("symmetric " + where, underFirstMaterial, symmetric.KeyId, null, null),
            new("symmetric " + where, await kms.EncryptAsync("alias/" + where.Replace(' ', '-'), "secret " + where), symmetric.KeyId, null, null),
            new("signature " + where, null, signing.KeyId, message, signature),
        ];
    }

    private static async Task CheckAsync(AmazonKeyManagementServiceClient kms, IEnumerable<Made> made)
    {
        foreach (var item in made)
        {
            if (item.Ciphertext is { } blob)
            {
                Assert.Equal("secret " + item.What["symmetric ".Length..], Text((await kms.DecryptAsync(blob)).Plaintext));
            }
            else
            {
                var verified = await kms.VerifyAsync(new VerifyRequest
                {
                    KeyId = item.KeyId,
                    Message = new MemoryStream(item.Message!),
                    Signature = Copy(item.Signature!),
                    SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
                });
                Assert.True(verified.SignatureValid, item.What);
            }
        }
    }

    private static AmazonKeyManagementServiceClient Kms(TrentHost host, RootCredentials root) =>
        new(new BasicAWSCredentials(root.AccessKeyId, root.SecretAccessKey), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = host.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    private static Task<int> CliAsync(params string[] args) =>
        new RootCommand { BackupCommand.Create(), RestoreCommand.Create() }.Parse(args).InvokeAsync();
}

/// <summary>Tests that run the CLI in-process share the console, so they do not run in parallel with each other.</summary>
[CollectionDefinition(nameof(CliConsole))]
public sealed class CliConsole;
