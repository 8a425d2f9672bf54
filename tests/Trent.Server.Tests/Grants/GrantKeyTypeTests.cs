using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>Which operations a grant may hold depends on the key's type; constraints only suit symmetric encryption keys.</summary>
public sealed class GrantKeyTypeTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private async Task<KeyMetadata> NewKeyAsync(string spec, string usage) =>
        (await fx.Kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = spec, KeyUsage = usage })).KeyMetadata;

    [Fact]
    public async Task An_HMAC_key_takes_MAC_operations_and_refuses_encryption_operations()
    {
        var key = await NewKeyAsync("HMAC_256", "GENERATE_VERIFY_MAC");
        var user = await fx.Server.NewGranteeAsync();

        await fx.Kms.GrantAsync(key.KeyId, user.Arn, "GenerateMac", "VerifyMac", "DescribeKey");

        await user.Kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.KeyId, MacAlgorithm = "HMAC_SHA_256", Message = Utf8("m") });
        await Expect.Validation(() => fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt"),
            $"Grant operations [Encrypt] are not valid for {key.Arn}, a key with key spec HMAC_256 and key usage GENERATE_VERIFY_MAC.");
    }

    [Fact]
    public async Task A_signing_key_takes_Sign_and_Verify_for_its_grantee()
    {
        var key = await NewKeyAsync("ECC_NIST_P256", "SIGN_VERIFY");
        var user = await fx.Server.NewGranteeAsync();
        var message = Utf8("signed by grant");

        await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Sign", "Verify", "GetPublicKey");

        var signature = await user.Kms.SignAsync(new SignRequest { KeyId = key.KeyId, Message = message, SigningAlgorithm = "ECDSA_SHA_256" });
        var verified = await user.Kms.VerifyAsync(new VerifyRequest
        {
            KeyId = key.KeyId,
            Message = Utf8("signed by grant"),
            Signature = signature.Signature,
            SigningAlgorithm = "ECDSA_SHA_256",
        });
        Assert.True(verified.SignatureValid);
        await Expect.Validation(() => fx.Kms.GrantAsync(key.KeyId, user.Arn, "Decrypt"),
            $"Grant operations [Decrypt] are not valid for {key.Arn}, a key with key spec ECC_NIST_P256 and key usage SIGN_VERIFY.");
    }

    [Fact]
    public async Task A_constraint_on_a_key_other_than_symmetric_encryption_is_a_ValidationException()
    {
        var key = await NewKeyAsync("RSA_2048", "ENCRYPT_DECRYPT");

        await Expect.Validation(() => fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            Operations = ["Encrypt"],
            Constraints = new GrantConstraints { EncryptionContextSubset = Context("a", "1") },
        }), $"Grant constraints are valid only for symmetric encryption KMS keys; {key.Arn} has key spec RSA_2048.");
        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }
}
