using Amazon.KeyManagementService.Model;
using Microsoft.Data.Sqlite;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>Grants across a key's deletion, a restart, and the per-key quota; each test runs its own server.</summary>
public sealed class GrantLifetimeTests
{
    [Fact]
    public async Task Deleting_a_key_removes_its_grants_and_their_tokens_stop_working()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();
        var other = await kms.NewKeyAsync();
        var retiree = await server.NewGranteeAsync();
        var grant = await kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = $"arn:aws:iam::{server.Root.AccountId}:root",
            RetiringPrincipal = retiree.Arn,
            Operations = ["Encrypt"],
        });
        var kept = await kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = other.KeyId,
            GranteePrincipal = $"arn:aws:iam::{server.Root.AccountId}:root",
            RetiringPrincipal = retiree.Arn,
            Operations = ["Encrypt"],
        });
        // The token is valid now, and its key's grants are cached by this use.
        await kms.EncryptAsync(other.KeyId, tokens: [grant.GrantToken]);

        await kms.ScheduleDeletionAsync(key.KeyId, 7);
        server.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await server.RunMaintenanceAsync();

        var retirable = await kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = retiree.Arn });
        Assert.Equal([kept.GrantId], retirable.Grants.Select(g => g.GrantId));
        await InvalidTokenAsync(() => kms.EncryptAsync(other.KeyId, tokens: [grant.GrantToken]));
        await Expect.Error<NotFoundException>(() => kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId }), $"Key '{key.Arn}' does not exist");
    }

    [Fact]
    public async Task Grants_and_their_tokens_survive_a_restart()
    {
        await using var server = await TrentServer.StartAsync();
        var key = await server.Kms().NewKeyAsync();
        var grantee = await server.NewGranteeAsync();
        var grant = await server.Kms().GrantAsync(key.KeyId, grantee.Arn, "Encrypt");

        await server.RestartAsync();

        using var kms = server.Kms();
        Assert.Equal([grant.GrantId], (await kms.GrantsOfAsync(key.KeyId)).Select(g => g.GrantId));
        await kms.EncryptAsync(key.KeyId, tokens: [grant.GrantToken]);
        using var asGrantee = server.KmsWith(grantee.Keys);
        await asGrantee.EncryptAsync(key.KeyId);
    }

    [Fact]
    public async Task A_token_issued_by_a_server_with_another_root_key_is_refused()
    {
        await using var issuer = await TrentServer.StartAsync();
        await using var server = await TrentServer.StartAsync();
        var foreignKey = await issuer.Kms().NewKeyAsync();
        var foreign = await issuer.Kms().GrantAsync(foreignKey.KeyId, $"arn:aws:iam::{issuer.Root.AccountId}:root", "Encrypt");
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();

        await InvalidTokenAsync(() => kms.EncryptAsync(key.KeyId, tokens: [foreign.GrantToken]));
    }

    [Fact]
    public async Task The_50001st_grant_on_a_key_is_a_LimitExceededException_until_one_is_removed()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();
        var root = $"arn:aws:iam::{server.Root.AccountId}:root";
        // 50,000 grants through the API would take minutes; the rows are written as CreateGrant writes them.
        FillGrants(server.DataDir, key.Arn, root, 50_000);

        await Expect.Error<LimitExceededException>(() => kms.GrantAsync(key.KeyId, root, "Encrypt"),
            $"Grant quota for key {key.Arn} is 50000 and it is reached.");
        await kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = 1.ToString("x64", System.Globalization.CultureInfo.InvariantCulture) });
        await kms.GrantAsync(key.KeyId, root, "Encrypt");
    }

    private static void FillGrants(string dataDir, string keyArn, string grantee, int count)
    {
        var parts = keyArn.Split(':');
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "trent.db"), Pooling = false }.ToString());
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO grants (account_id, region, key_id, grant_id, grantee_principal, operations, creation_date)
            SELECT $account, $region, $key_id, printf('%064x', i), $grantee, '["Encrypt"]', 0 FROM n;
            """;
        insert.Parameters.AddWithValue("$count", count);
        insert.Parameters.AddWithValue("$account", parts[4]);
        insert.Parameters.AddWithValue("$region", parts[3]);
        insert.Parameters.AddWithValue("$key_id", parts[5]["key/".Length..]);
        insert.Parameters.AddWithValue("$grantee", grantee);
        insert.ExecuteNonQuery();
    }
}
