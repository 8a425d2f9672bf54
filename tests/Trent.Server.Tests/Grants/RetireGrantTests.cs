using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>
/// RetireGrant: by token or by key and grant id; allowed to the retiring principal, to the grantee when the grant
/// includes RetireGrant, and to principals of the key's account whose IAM policies allow it (the root always).
/// </summary>
public sealed class RetireGrantTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private async Task<(KeyMetadata Key, CreateGrantResponse Grant, Principal Grantee, Principal Retiree)> GrantAsync(params List<string> operations)
    {
        var key = await fx.NewKeyAsync();
        var grantee = await fx.Server.NewGranteeAsync();
        var retiree = await fx.Server.NewGranteeAsync();
        var grant = await fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = grantee.Arn,
            RetiringPrincipal = retiree.Arn,
            Operations = operations,
        });
        return (key, grant, grantee, retiree);
    }

    [Fact]
    public async Task The_retiring_principal_retires_by_token_and_the_grantee_loses_access_and_the_token_its_validity()
    {
        var (key, grant, grantee, retiree) = await GrantAsync("Encrypt");
        await grantee.Kms.EncryptAsync(key.KeyId);

        await retiree.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
        await DeniedAsync(() => grantee.Kms.EncryptAsync(key.KeyId), grantee.Arn, "kms:Encrypt", key.Arn);
        await InvalidTokenAsync(() => fx.Kms.EncryptAsync(key.KeyId, tokens: [grant.GrantToken]));
        await InvalidTokenAsync(() => retiree.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken }));
    }

    [Fact]
    public async Task The_retiring_principal_retires_by_key_ARN_and_grant_id()
    {
        var (key, grant, _, retiree) = await GrantAsync("Encrypt");

        await retiree.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = grant.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task A_key_id_serves_as_well_as_the_key_ARN_as_Terraform_sends_it()
    {
        var (key, grant, _, _) = await GrantAsync("Encrypt");

        await fx.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task The_grantee_retires_only_a_grant_that_includes_RetireGrant()
    {
        var (key, without, grantee, _) = await GrantAsync("Encrypt");
        var with = await fx.Kms.GrantAsync(key.KeyId, grantee.Arn, "Encrypt", "RetireGrant");

        await DeniedAsync(() => grantee.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = without.GrantToken }), grantee.Arn, "kms:RetireGrant", key.Arn);
        await grantee.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = with.GrantToken });

        Assert.Equal([without.GrantId], (await fx.Kms.GrantsOfAsync(key.KeyId)).Select(g => g.GrantId));
    }

    [Fact]
    public async Task A_principal_of_the_keys_account_retires_as_its_IAM_policy_allows_and_the_root_always()
    {
        var (key, first, _, _) = await GrantAsync("Encrypt");
        var second = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");
        var stranger = await fx.Server.NewGranteeAsync();
        var retirer = await fx.Server.NewGranteeAsync(Allow("kms:RetireGrant"));

        await DeniedAsync(() => stranger.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = first.GrantToken }), stranger.Arn, "kms:RetireGrant", key.Arn);
        await retirer.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = first.GrantToken });
        await fx.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = second.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task RetireGrant_allowed_in_the_key_policy_does_not_count()
    {
        var (key, grant, _, _) = await GrantAsync("Encrypt");
        var user = await fx.Server.NewGranteeAsync();
        await fx.Kms.PutKeyPolicyAsync(new PutKeyPolicyRequest
        {
            KeyId = key.KeyId,
            PolicyName = "default",
            Policy = $$"""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":{"AWS":"{{fx.RootArn}}"},"Action":"kms:*","Resource":"*"},
                  {"Effect":"Allow","Principal":{"AWS":"{{user.Arn}}"},"Action":"kms:RetireGrant","Resource":"*"}]}
                """,
        });

        await DeniedAsync(() => user.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken }), user.Arn, "kms:RetireGrant", key.Arn);
    }

    [Fact]
    public async Task A_token_that_is_not_a_grant_token_is_an_InvalidGrantTokenException()
    {
        await InvalidTokenAsync(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = "AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM4Mzc0MWFi" }));
        await InvalidTokenAsync(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = "k" }));
    }

    [Fact]
    public async Task A_token_with_a_grant_id_of_another_grant_is_a_ValidationException_and_retires_nothing()
    {
        var (key, grant, _, retiree) = await GrantAsync("Encrypt");
        var other = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");

        await Expect.Validation(() => retiree.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken, GrantId = other.GrantId }),
            "The grant token and the KeyId or GrantId name different grants.");

        Assert.Equal(2, (await fx.Kms.GrantsOfAsync(key.KeyId)).Count);
    }

    [Fact]
    public async Task Neither_a_token_nor_a_key_and_grant_id_is_a_ValidationException()
    {
        const string Message = "Grant token OR (grant ID, key ID) must be specified";

        await Expect.Validation(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest()), Message);
        await Expect.Validation(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { GrantId = new string('a', 64) }), Message);
    }

    [Fact]
    public async Task An_unknown_grant_is_not_found_and_a_malformed_grant_id_is_an_InvalidGrantIdException()
    {
        var key = await fx.NewKeyAsync();
        var unknown = new string('0', 64);

        await Expect.Error<NotFoundException>(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = unknown }), $"Grant ID {unknown} not found");
        await Expect.Error<InvalidGrantIdException>(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = "not-a-grant" }),
            "Grant ID not-a-grant is not valid.");
        await Expect.Error<NotFoundException>(() => fx.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = KmsCalls.UnknownKeyId, GrantId = unknown }),
            $"Key '{KmsCalls.KeyArn(fx.Account, KmsCalls.UnknownKeyId)}' does not exist");
    }

    [Fact]
    public async Task A_dry_run_answers_DryRunOperationException_and_keeps_the_grant()
    {
        var (key, grant, grantee, retiree) = await GrantAsync("Encrypt");

        await Expect.Error<DryRunOperationException>(() => retiree.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken, DryRun = true }),
            DryRunMessage);
        await DeniedAsync(() => grantee.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken, DryRun = true }),
            grantee.Arn, "kms:RetireGrant", key.Arn);

        Assert.Single(await fx.Kms.GrantsOfAsync(key.KeyId));
        await grantee.Kms.EncryptAsync(key.KeyId);
    }

    [Fact]
    public async Task Grants_of_disabled_keys_and_keys_pending_deletion_are_retired()
    {
        var (disabled, first, _, retiree) = await GrantAsync("Encrypt");
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        var (pending, second, _, otherRetiree) = await GrantAsync("Encrypt");
        await fx.Kms.ScheduleDeletionAsync(pending.KeyId, 7);

        await retiree.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = first.GrantToken });
        await otherRetiree.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = pending.Arn, GrantId = second.GrantId });

        Assert.Empty(await fx.Kms.GrantsOfAsync(disabled.KeyId));
        Assert.Empty(await fx.Kms.GrantsOfAsync(pending.KeyId));
    }
}
