using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>RevokeGrant: an ordinary key permission, by key and grant id, in every key state.</summary>
public sealed class RevokeGrantTests(GrantServer fx) : IClassFixture<GrantServer>
{
    [Fact]
    public async Task Revoking_a_grant_ends_the_grantees_access_and_the_tokens_validity()
    {
        var key = await fx.NewKeyAsync();
        var grantee = await fx.Server.NewGranteeAsync();
        var grant = await fx.Kms.GrantAsync(key.KeyId, grantee.Arn, "Encrypt");
        await grantee.Kms.EncryptAsync(key.KeyId);

        await fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
        await DeniedAsync(() => grantee.Kms.EncryptAsync(key.KeyId), grantee.Arn, "kms:Encrypt", key.Arn);
        await InvalidTokenAsync(() => fx.Kms.EncryptAsync(key.KeyId, tokens: [grant.GrantToken]));
    }

    [Fact]
    public async Task Only_the_named_grant_is_revoked()
    {
        var key = await fx.NewKeyAsync();
        var gone = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");
        var kept = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Decrypt");

        await fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.Arn, GrantId = gone.GrantId });

        Assert.Equal([kept.GrantId], (await fx.Kms.GrantsOfAsync(key.KeyId)).Select(g => g.GrantId));
    }

    [Fact]
    public async Task A_grantee_without_RevokeGrant_permission_cannot_revoke_even_its_own_grant()
    {
        var key = await fx.NewKeyAsync();
        var grantee = await fx.Server.NewGranteeAsync();
        var grant = await fx.Kms.GrantAsync(key.KeyId, grantee.Arn, "Encrypt", "RetireGrant");

        await DeniedAsync(() => grantee.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId }),
            grantee.Arn, "kms:RevokeGrant", key.Arn);
        var revoker = await fx.Server.NewGranteeAsync(Allow("kms:RevokeGrant"));
        await revoker.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task An_unknown_grant_is_not_found_and_a_malformed_grant_id_is_an_InvalidGrantIdException()
    {
        var key = await fx.NewKeyAsync();
        var unknown = new string('a', 64);

        await Expect.Error<NotFoundException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = unknown }), $"Grant ID {unknown} not found");
        await Expect.Error<InvalidGrantIdException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = "ABC" }), "Grant ID ABC is not valid.");
    }

    [Fact]
    public async Task A_grant_of_another_key_is_not_found_on_this_one()
    {
        var key = await fx.NewKeyAsync();
        var other = await fx.NewKeyAsync();
        var grant = await fx.Kms.GrantAsync(other.KeyId, fx.RootArn, "Encrypt");

        await Expect.Error<NotFoundException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId }),
            $"Grant ID {grant.GrantId} not found");
        Assert.Single(await fx.Kms.GrantsOfAsync(other.KeyId));
    }

    [Fact]
    public async Task An_alias_is_refused()
    {
        var key = await fx.NewKeyAsync();
        var grant = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");
        var alias = "alias/revoke-" + Guid.NewGuid().ToString("N");
        await fx.Kms.CreateAliasAsync(alias, key.KeyId);

        await Expect.Error<InvalidArnException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = alias, GrantId = grant.GrantId }),
            "Key Aliases are not supported for this operation.");
    }

    [Fact]
    public async Task A_dry_run_answers_DryRunOperationException_and_keeps_the_grant()
    {
        var key = await fx.NewKeyAsync();
        var grant = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");

        await Expect.Error<DryRunOperationException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId, DryRun = true }),
            DryRunMessage);
        await Expect.Error<NotFoundException>(() => fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = new string('b', 64), DryRun = true }),
            $"Grant ID {new string('b', 64)} not found");

        Assert.Single(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task Grants_of_disabled_keys_and_keys_pending_deletion_are_revoked()
    {
        var disabled = await fx.NewKeyAsync();
        var first = await fx.Kms.GrantAsync(disabled.KeyId, fx.RootArn, "Encrypt");
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        var pending = await fx.NewKeyAsync();
        var second = await fx.Kms.GrantAsync(pending.KeyId, fx.RootArn, "Encrypt");
        await fx.Kms.ScheduleDeletionAsync(pending.KeyId, 7);

        await fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = disabled.KeyId, GrantId = first.GrantId });
        await fx.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = pending.KeyId, GrantId = second.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(disabled.KeyId));
        Assert.Empty(await fx.Kms.GrantsOfAsync(pending.KeyId));
    }
}
