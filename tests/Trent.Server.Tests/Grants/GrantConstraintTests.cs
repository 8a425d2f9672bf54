using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>
/// Encryption context constraints on grants: the request's context must hold (Subset) or be (Equals) the pairs;
/// keys compare without regard to case, values with it. DescribeKey takes no context and ignores them.
/// </summary>
public sealed class GrantConstraintTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private async Task<(KeyMetadata Key, Principal User)> GrantedAsync(GrantConstraints constraints, params List<string> operations)
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        await fx.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = user.Arn, Operations = operations, Constraints = constraints });
        return (key, user);
    }

    [Fact]
    public async Task A_subset_constraint_admits_a_context_holding_its_pairs_among_others()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") }, "Encrypt", "Decrypt");

        var blob = (await user.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT", "Project", "Trent"))).CiphertextBlob;
        await user.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, EncryptionContext = Context("Dept", "IT", "Project", "Trent") });
    }

    [Fact]
    public async Task A_subset_constraint_refuses_a_context_without_its_pairs()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT", "Project", "Trent") }, "Encrypt");

        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT")), user.Arn, "kms:Encrypt", key.Arn);
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId), user.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task Context_keys_match_without_regard_to_case_and_values_with_it()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") }, "Encrypt", "GenerateDataKey");

        await user.Kms.EncryptAsync(key.KeyId, Context("dEPT", "IT"));
        await user.Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256", EncryptionContext = Context("DEPT", "IT") });
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, Context("Dept", "it")), user.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task An_equals_constraint_admits_exactly_its_pairs()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT", "Project", "Trent") }, "Encrypt");

        await user.Kms.EncryptAsync(key.KeyId, Context("project", "Trent", "Dept", "IT"));
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT", "Project", "Trent", "Extra", "x")), user.Arn, "kms:Encrypt", key.Arn);
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT")), user.Arn, "kms:Encrypt", key.Arn);
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, Context("Dept", "IT", "Project", "trent")), user.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task A_constraint_applies_to_Decrypt_of_a_ciphertext_made_by_someone_else()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT") }, "Decrypt");
        var forIt = await fx.Kms.EncryptAsync(key.KeyId, "secret", Context("Dept", "IT"));
        var forHr = await fx.Kms.EncryptAsync(key.KeyId, "secret", Context("Dept", "HR"));

        var plain = await user.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = forIt, EncryptionContext = Context("Dept", "IT") });
        Assert.Equal("secret", Text(plain.Plaintext));
        await DeniedAsync(() => user.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = forHr, EncryptionContext = Context("Dept", "HR") }),
            user.Arn, "kms:Decrypt", key.Arn);
    }

    [Fact]
    public async Task DescribeKey_ignores_the_constraint()
    {
        var (key, user) = await GrantedAsync(new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT") }, "DescribeKey");

        var described = await user.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, described.KeyMetadata.Arn);
    }

    [Fact]
    public async Task A_constraint_is_listed_with_its_kind_and_pairs()
    {
        var (key, _) = await GrantedAsync(new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT") }, "Encrypt");

        var listed = Assert.Single(await fx.Kms.GrantsOfAsync(key.KeyId)).Constraints;

        Assert.Equal(Context("Dept", "IT"), listed.EncryptionContextEquals);
        Assert.True(listed.EncryptionContextSubset is null or { Count: 0 });
    }
}
