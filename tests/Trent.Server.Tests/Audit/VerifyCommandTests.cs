using Amazon.KeyManagementService.Model;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// <c>trent audit verify</c>, run as the real executable: it passes an untouched trail and, after a record is edited,
/// deleted, swapped with another or forged with recomputed hashes, fails and names where.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly List<string> _dataDirs = [];

    public void Dispose()
    {
        foreach (var dataDir in _dataDirs)
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_passes_an_untouched_trail()
    {
        var dataDir = await TrailAsync();

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(0, exit);
        Assert.Contains("Trail intact", stdout, StringComparison.Ordinal);
        Assert.Contains("digest signatures valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_line_of_an_edited_record()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        Tamper.EditLine(file, 5, line => line.Replace("\"ListKeys\"", "\"ListKexs\"", StringComparison.Ordinal));

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.GetFileName(file)} line 5 (record 5) was altered", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_deleted_record()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        Tamper.DeleteLine(file, 6);

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.GetFileName(file)} line 6: records 6 to 6 were removed before it", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_two_swapped_records()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        Tamper.SwapLines(file, 3, 4);

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.GetFileName(file)} line 3 holds record 4 where record 3 belongs (now at line 4): records were reordered", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_catches_a_record_forged_with_a_recomputed_chain_by_the_signed_digest()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        Tamper.EditAndRechain(file, 4, line => line.Replace("\"ListKeys\"", "\"ListKexs\"", StringComparison.Ordinal));

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, exit);
        Assert.Contains($"Trail file {Path.GetFileName(file)} does not match its digest", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_records_cut_from_the_end_of_a_closed_file()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        var lines = Tamper.Lines(file);
        Tamper.Write(file, lines.Take(lines.Count - 2));

        var (exit, stdout, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, exit);
        Assert.Contains($"records {lines.Count - 1} to {lines.Count} were removed from its end", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_an_altered_digest_and_a_removed_file()
    {
        var dataDir = await TrailAsync(new AuditOptions { MaxFileBytes = 4096 });
        var files = TrailFiles.List(Path.Combine(dataDir, "audit"));
        Assert.True(files.Count >= 3);
        var digests = Path.Combine(dataDir, "audit", TrailFiles.DigestsFileName);
        var original = await File.ReadAllTextAsync(digests);

        Tamper.EditLine(digests, 2, line => line.Replace("\"truncatedBytes\":0", "\"truncatedBytes\":1", StringComparison.Ordinal));
        var (editedExit, editedOut, _) = await VerifyAsync(dataDir);
        await File.WriteAllTextAsync(digests, original);
        File.Delete(files[1]);
        var (removedExit, removedOut, _) = await VerifyAsync(dataDir);

        Assert.Equal(1, editedExit);
        Assert.Contains("digests.jsonl line 2", editedOut, StringComparison.Ordinal);
        Assert.Contains("its signature does not match", editedOut, StringComparison.Ordinal);
        Assert.Equal(1, removedExit);
        Assert.Contains($"Trail file {Path.GetFileName(files[1])}", removedOut, StringComparison.Ordinal);
        Assert.Contains("was removed", removedOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_selects_by_event_name_key_principal_and_error_code()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1, 2, 3]) });
        await Assert.ThrowsAnyAsync<Exception>(() => kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = Guid.NewGuid().ToString() }));

        var (_, byKey, _) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", server.DataDir, "--key", key.KeyId);
        var (_, byName, _) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", server.DataDir, "--event-name", "Encrypt",
            "--principal", server.Root.AccessKeyId);
        var (_, byError, _) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", server.DataDir, "--error-code", "NotFoundException", "--table");

        Assert.Equal(["CreateKey", "Encrypt"], JsonLines(byKey).Select(r => r.Text("eventName")));
        Assert.Equal(["Encrypt"], JsonLines(byName).Select(r => r.Text("eventName")));
        var rows = byError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains("DescribeKey", rows[1], StringComparison.Ordinal);
        Assert.Contains("NotFoundException", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_selects_by_time()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var start = server.Clock.GetUtcNow();
        await kms.ListKeysAsync(new ListKeysRequest());
        server.Clock.Advance(TimeSpan.FromHours(2));
        await kms.ListAliasesAsync(new ListAliasesRequest());
        server.Clock.Advance(TimeSpan.FromHours(2));
        await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 8 });

        var (_, between, _) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", server.DataDir,
            "--from", Iso(start.AddHours(1)), "--to", Iso(start.AddHours(3)));
        var (_, after, _) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", server.DataDir, "--from", Iso(start.AddHours(1)));

        Assert.Equal(["ListAliases"], JsonLines(between).Select(r => r.Text("eventName")));
        Assert.Equal(["ListAliases", "GenerateRandom"], JsonLines(after).Select(r => r.Text("eventName")));
    }

    [Fact]
    public async Task Verify_with_a_time_window_checks_the_files_of_the_window_and_still_names_tampering_there()
    {
        var dataDir = NewDataDir();
        var server = await TrentServer.StartAsync(dataDir: dataDir, audit: new AuditOptions { MaxFileBytes = 4096 });
        var later = server.Clock.GetUtcNow().AddHours(10);
        using (var kms = server.Kms())
        {
            for (var i = 0; i < 8; i++)
            {
                await kms.ListKeysAsync(new ListKeysRequest());
            }
            server.Clock.Advance(TimeSpan.FromHours(10));
            for (var i = 0; i < 8; i++)
            {
                await kms.ListAliasesAsync(new ListAliasesRequest());
            }
        }
        await server.Host.DisposeAsync();
        var files = TrailFiles.List(Path.Combine(dataDir, "audit"));

        Tamper.EditLine(files[0], 1, line => line.Replace("\"ListKeys\"", "\"ListKexs\"", StringComparison.Ordinal));
        var (earlierExit, earlierOut, _) = await AccountCommandTests.RunTrentAsync("audit", "verify", "--data-dir", dataDir, "--from", Iso(later));
        var (wholeExit, wholeOut, _) = await VerifyAsync(dataDir);
        Tamper.EditLine(files[^1], 1, line => line.Replace("\"ListAliases\"", "\"ListAliasex\"", StringComparison.Ordinal));
        var (windowExit, windowOut, _) = await AccountCommandTests.RunTrentAsync("audit", "verify", "--data-dir", dataDir, "--from", Iso(later));

        Assert.Equal((0, 1, 1), (earlierExit, wholeExit, windowExit));
        Assert.Contains("Trail intact", earlierOut, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(files[0])} line 1 (record 1) was altered", wholeOut, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(files[^1])} line 1", windowOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_names_a_line_that_is_not_a_record_and_goes_on()
    {
        var dataDir = await TrailAsync();
        var file = FirstTrailFile(dataDir);
        Tamper.EditLine(file, 3, _ => "not a record");

        var (exit, stdout, stderr) = await AccountCommandTests.RunTrentAsync("audit", "query", "--data-dir", dataDir, "--event-name", "ListKeys");

        Assert.Equal(0, exit);
        Assert.Equal(11, JsonLines(stdout).Count);
        Assert.Contains($"{Path.GetFileName(file)} line 3 is not a record", stderr, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static List<System.Text.Json.JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>A data directory whose trail holds a few dozen records, closed by a clean stop.</summary>
    private async Task<string> TrailAsync(AuditOptions? audit = null)
    {
        var dataDir = NewDataDir();
        var server = await TrentServer.StartAsync(dataDir: dataDir, audit: audit);
        using (var kms = server.Kms())
        {
            for (var i = 0; i < 12; i++)
            {
                await kms.ListKeysAsync(new ListKeysRequest());
            }
        }
        await server.Host.DisposeAsync();
        return dataDir;
    }

    /// <summary>A data directory for a server this test stops itself; removed when the test ends.</summary>
    private string NewDataDir()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trent-test-" + Guid.NewGuid().ToString("N"));
        _dataDirs.Add(dataDir);
        return dataDir;
    }

    private static string FirstTrailFile(string dataDir) => TrailFiles.List(Path.Combine(dataDir, "audit"))[0];

    private static Task<(int ExitCode, string Stdout, string Stderr)> VerifyAsync(string dataDir) =>
        AccountCommandTests.RunTrentAsync("audit", "verify", "--data-dir", dataDir);
}
