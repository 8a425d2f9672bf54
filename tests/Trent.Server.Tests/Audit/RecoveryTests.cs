using Amazon.KeyManagementService.Model;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Audit;

/// <summary>The chain goes on across restarts, and a file a crash left open is closed with its digest on the next start.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task The_chain_continues_across_a_restart_and_each_run_closes_its_file_with_a_digest()
    {
        await using var server = await TrentServer.StartAsync();
        await CallsAsync(server, 3);
        await server.RestartAsync();
        await CallsAsync(server, 3);
        await server.Host.DisposeAsync();

        var files = TrailFiles.List(server.AuditDirectory);
        Assert.Equal(2, files.Count);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(server.AuditDirectory, TrailFiles.DigestsFileName)).Length);
        var verified = AuditVerifier.Verify(server.AuditDirectory, digestKey: null);
        Assert.True(verified.Intact, verified.Message);
        await server.RestartAsync();
    }

    [Fact]
    public async Task A_file_a_crash_left_open_with_a_torn_last_line_is_cut_back_and_digested_on_the_next_start()
    {
        await using var server = await TrentServer.StartAsync();
        await CallsAsync(server, 4);
        await server.Host.DisposeAsync();
        // What a crash leaves: no digest for the file, and half a record at its end.
        var digests = Path.Combine(server.AuditDirectory, TrailFiles.DigestsFileName);
        File.WriteAllText(digests, "");
        var file = TrailFiles.List(server.AuditDirectory)[0];
        const string Torn = "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"ty";
        File.AppendAllText(file, Torn);

        await server.RestartAsync();
        var after = await CallsAsync(server, 1);
        await server.Host.DisposeAsync();

        var digest = TrailDigest.Parse(System.Text.Encoding.UTF8.GetBytes(File.ReadAllLines(digests)[0]))!;
        Assert.Equal(Path.GetFileName(file), digest.File);
        Assert.Equal(Torn.Length, digest.TruncatedBytes);
        Assert.Equal(4, digest.Records);
        Assert.Equal(5, Trail.Records(server.AuditDirectory).Count);
        Trail.Single(server.AuditDirectory, after[0]);
        var verified = AuditVerifier.Verify(server.AuditDirectory, digestKey: null);
        Assert.True(verified.Intact, verified.Message);
        await server.RestartAsync();
    }

    private static async Task<List<string>> CallsAsync(TrentServer server, int count)
    {
        using var kms = server.Kms();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await kms.ListKeysAsync(new ListKeysRequest())).ResponseMetadata.RequestId);
        }
        return ids;
    }
}
