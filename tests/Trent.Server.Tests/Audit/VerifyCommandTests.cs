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
public sealed class VerifyCommandTests
{
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

    private static List<System.Text.Json.JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>A data directory whose trail holds a few dozen records, closed by a clean stop.</summary>
    private static async Task<string> TrailAsync(AuditOptions? audit = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trent-test-" + Guid.NewGuid().ToString("N"));
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

    private static string FirstTrailFile(string dataDir) => TrailFiles.List(Path.Combine(dataDir, "audit"))[0];

    private static Task<(int ExitCode, string Stdout, string Stderr)> VerifyAsync(string dataDir) =>
        AccountCommandTests.RunTrentAsync("audit", "verify", "--data-dir", dataDir);
}
