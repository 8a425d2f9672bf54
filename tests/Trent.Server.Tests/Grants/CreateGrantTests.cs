using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>CreateGrant through the AWS SDK for .NET: what a grant lets its grantee do, and every refusal.</summary>
public sealed class CreateGrantTests(GrantServer fx) : IClassFixture<GrantServer>
{
    [Fact]
    public async Task A_grant_has_a_64_hex_id_and_an_opaque_url_safe_token()
    {
        var key = await fx.NewKeyAsync();

        var grant = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");

        Assert.Matches(GrantIdPattern, grant.GrantId);
        Assert.Matches("^[A-Za-z0-9_-]{100,}$", grant.GrantToken);
        Assert.DoesNotContain(grant.GrantId, grant.GrantToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_lets_a_user_without_policies_use_exactly_the_granted_operations()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId), user.Arn, "kms:Encrypt", key.Arn);

        await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt", "Decrypt", "GenerateDataKey");

        var blob = (await user.Kms.EncryptAsync(key.KeyId)).CiphertextBlob;
        var plain = await user.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob });
        Assert.Equal("granted", Text(plain.Plaintext));
        await user.Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256" });
        await DeniedAsync(() => user.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId }), user.Arn, "kms:DescribeKey", key.Arn);
        await DeniedAsync(() => user.Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, KeySpec = "AES_256" }),
            user.Arn, "kms:GenerateDataKeyWithoutPlaintext", key.Arn);
    }

    [Fact]
    public async Task A_grant_to_one_key_does_not_reach_another()
    {
        var key = await fx.NewKeyAsync();
        var other = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();

        await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt");

        await DeniedAsync(() => user.Kms.EncryptAsync(other.KeyId), user.Arn, "kms:Encrypt", other.Arn);
    }

    [Fact]
    public async Task The_grant_token_is_accepted_at_once_with_the_operation_it_grants()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();

        var grant = await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt", "DescribeKey");

        await user.Kms.EncryptAsync(key.KeyId, tokens: [grant.GrantToken]);
        var described = await user.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId, GrantTokens = [grant.GrantToken] });
        Assert.Equal(key.Arn, described.KeyMetadata.Arn);
    }

    [Fact]
    public async Task A_grant_to_a_role_serves_every_session_of_the_role()
    {
        var key = await fx.NewKeyAsync();
        var (session, roleArn) = await Sessions.AssumeNewRoleAsync(fx.Server);

        await fx.Kms.GrantAsync(key.KeyId, roleArn, "Encrypt");

        await session.Kms.EncryptAsync(key.KeyId);
    }

    [Fact]
    public async Task A_grant_to_one_session_serves_that_session_only()
    {
        var key = await fx.NewKeyAsync();
        var (session, _) = await Sessions.AssumeNewRoleAsync(fx.Server);

        await fx.Kms.GrantAsync(key.KeyId, session.Arn, "Encrypt");

        await session.Kms.EncryptAsync(key.KeyId);
    }

    [Fact]
    public async Task A_grantee_with_only_an_identity_policy_for_CreateGrant_may_grant_operations_it_lacks()
    {
        var key = await fx.NewKeyAsync();
        var granter = await fx.Server.NewGranteeAsync(Allow("kms:CreateGrant"));
        var grantee = await fx.Server.NewGranteeAsync();

        await granter.Kms.GrantAsync(key.KeyId, grantee.Arn, "Encrypt", "Decrypt");

        await grantee.Kms.EncryptAsync(key.KeyId);
        await DeniedAsync(() => granter.Kms.EncryptAsync(key.KeyId), granter.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task A_grantee_allowed_CreateGrant_by_a_grant_may_pass_on_fewer_operations_under_a_stricter_constraint_only()
    {
        var key = await fx.NewKeyAsync();
        var parent = await fx.Server.NewGranteeAsync();
        var child = await fx.Server.NewGranteeAsync();
        await fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = parent.Arn,
            Operations = ["CreateGrant", "Encrypt", "Decrypt"],
            Constraints = new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") },
        });
        CreateGrantRequest Child(List<string> operations, GrantConstraints? constraints) =>
            new() { KeyId = key.KeyId, GranteePrincipal = child.Arn, Operations = operations, Constraints = constraints };

        await parent.Kms.CreateGrantAsync(Child(["Encrypt"], new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT", "App", "x") }));

        await child.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT", "App", "x"));
        await DeniedAsync(() => parent.Kms.CreateGrantAsync(Child(["Encrypt", "GenerateDataKey"], new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") })),
            parent.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => parent.Kms.CreateGrantAsync(Child(["Encrypt"], null)), parent.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => parent.Kms.CreateGrantAsync(Child(["Encrypt"], new GrantConstraints { EncryptionContextSubset = Context("Dept", "HR") })),
            parent.Arn, "kms:CreateGrant", key.Arn);
    }

    [Fact]
    public async Task The_same_name_and_parameters_answer_the_same_grant_with_a_new_token()
    {
        var key = await fx.NewKeyAsync();
        CreateGrantRequest Named(params List<string> operations) =>
            new() { KeyId = key.KeyId, GranteePrincipal = fx.RootArn, Operations = operations, Name = "app-grant" };

        var first = await fx.Kms.CreateGrantAsync(Named("Encrypt", "Decrypt"));
        var again = await fx.Kms.CreateGrantAsync(Named("Decrypt", "Encrypt"));

        Assert.Equal(first.GrantId, again.GrantId);
        Assert.NotEqual(first.GrantToken, again.GrantToken);
        Assert.Single(await fx.Kms.GrantsOfAsync(key.KeyId));
        await fx.Kms.EncryptAsync(key.KeyId, tokens: [again.GrantToken]);
    }

    [Fact]
    public async Task The_same_name_with_other_parameters_or_on_another_key_creates_another_grant()
    {
        var key = await fx.NewKeyAsync();
        var other = await fx.NewKeyAsync();
        CreateGrantRequest Named(string keyId, List<string> operations, GrantConstraints? constraints = null) =>
            new() { KeyId = keyId, GranteePrincipal = fx.RootArn, Operations = operations, Name = "app-grant", Constraints = constraints };
        var first = await fx.Kms.CreateGrantAsync(Named(key.KeyId, ["Encrypt"]));

        var moreOperations = await fx.Kms.CreateGrantAsync(Named(key.KeyId, ["Encrypt", "Decrypt"]));
        var constrained = await fx.Kms.CreateGrantAsync(Named(key.KeyId, ["Encrypt"], new GrantConstraints { EncryptionContextSubset = Context("a", "1") }));
        var onOtherKey = await fx.Kms.CreateGrantAsync(Named(other.KeyId, ["Encrypt"]));

        Assert.Equal(4, new[] { first.GrantId, moreOperations.GrantId, constrained.GrantId, onOtherKey.GrantId }.Distinct().Count());
        Assert.Equal(3, (await fx.Kms.GrantsOfAsync(key.KeyId)).Count(g => g.Name == "app-grant"));
    }

    [Fact]
    public async Task Operations_the_key_type_does_not_support_are_a_ValidationException()
    {
        var key = await fx.NewKeyAsync();

        await Expect.Validation(() => fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt", "Sign", "GenerateMac"),
            $"Grant operations [Sign, GenerateMac] are not valid for {key.Arn}, a key with key spec SYMMETRIC_DEFAULT and key usage ENCRYPT_DECRYPT.");
        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task Both_constraint_kinds_at_once_are_a_ValidationException()
    {
        var key = await fx.NewKeyAsync();

        await Expect.Validation(() => fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            Operations = ["Encrypt"],
            Constraints = new GrantConstraints { EncryptionContextSubset = Context("a", "1"), EncryptionContextEquals = Context("b", "2") },
        }), "More than one constraint supplied");
    }

    [Fact]
    public async Task A_constraint_with_more_than_eight_pairs_is_a_ValidationException()
    {
        var key = await fx.NewKeyAsync();
        var nine = Enumerable.Range(1, 9).ToDictionary(i => $"k{i}", _ => "v");

        await Expect.Validation(() => fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            Operations = ["Encrypt"],
            Constraints = new GrantConstraints { EncryptionContextSubset = nine },
        }), "A grant constraint can have at most 8 encryption context pairs.");
    }

    [Fact]
    public async Task A_grantee_or_retiring_principal_that_does_not_exist_is_an_InvalidArnException()
    {
        var key = await fx.NewKeyAsync();
        var ghost = $"arn:aws:iam::{fx.Account}:user/ghost-{Guid.NewGuid():N}";

        await Expect.Error<InvalidArnException>(() => fx.Kms.GrantAsync(key.KeyId, ghost, "Encrypt"), $"GranteePrincipal {ghost} is not a valid principal.");
        await Expect.Error<InvalidArnException>(() => fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            RetiringPrincipal = ghost,
            Operations = ["Encrypt"],
        }), $"RetiringPrincipal {ghost} is not a valid principal.");
        await Expect.Error<InvalidArnException>(() => fx.Kms.GrantAsync(key.KeyId, "not-a-principal", "Encrypt"),
            "GranteePrincipal not-a-principal is not a valid principal.");
        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task An_alias_is_refused_and_an_unknown_key_is_not_found()
    {
        var key = await fx.NewKeyAsync();
        var alias = "alias/grant-" + Guid.NewGuid().ToString("N");
        await fx.Kms.CreateAliasAsync(alias, key.KeyId);

        await Expect.Error<InvalidArnException>(() => fx.Kms.GrantAsync(alias, fx.RootArn, "Encrypt"), "Key Aliases are not supported for this operation.");
        await Expect.Error<NotFoundException>(() => fx.Kms.GrantAsync(KmsCalls.UnknownKeyId, fx.RootArn, "Encrypt"),
            $"Key '{KmsCalls.KeyArn(fx.Account, KmsCalls.UnknownKeyId)}' does not exist");
    }

    [Fact]
    public async Task A_disabled_key_is_a_DisabledException_and_a_key_pending_deletion_a_KMSInvalidStateException()
    {
        var disabled = await fx.NewKeyAsync();
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        var pending = await fx.NewKeyAsync();
        await fx.Kms.ScheduleDeletionAsync(pending.KeyId, 7);

        await Expect.Error<DisabledException>(() => fx.Kms.GrantAsync(disabled.KeyId, fx.RootArn, "Encrypt"), $"{disabled.Arn} is disabled.");
        await Expect.Error<KMSInvalidStateException>(() => fx.Kms.GrantAsync(pending.KeyId, fx.RootArn, "Encrypt"), $"{pending.Arn} is pending deletion.");
    }

    [Fact]
    public async Task A_dry_run_answers_DryRunOperationException_and_creates_nothing()
    {
        var key = await fx.NewKeyAsync();
        var disabled = await fx.NewKeyAsync();
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        CreateGrantRequest DryRun(string keyId) => new() { KeyId = keyId, GranteePrincipal = fx.RootArn, Operations = ["Encrypt"], DryRun = true };

        await Expect.Error<DryRunOperationException>(() => fx.Kms.CreateGrantAsync(DryRun(key.KeyId)), DryRunMessage);
        await Expect.Error<DisabledException>(() => fx.Kms.CreateGrantAsync(DryRun(disabled.KeyId)), $"{disabled.Arn} is disabled.");
        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task A_user_without_CreateGrant_permission_is_denied()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();

        await DeniedAsync(() => user.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt"), user.Arn, "kms:CreateGrant", key.Arn);
    }
}
