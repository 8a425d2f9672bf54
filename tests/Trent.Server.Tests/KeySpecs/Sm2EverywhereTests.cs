using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>With <c>--sm2-everywhere</c>, SM2 keys and data key pairs exist outside the China Regions too.</summary>
public sealed class Sm2EverywhereTests
{
    [Fact]
    public async Task A_server_with_sm2_everywhere_creates_and_uses_SM2_keys_and_data_key_pairs_in_us_east_1()
    {
        await using var server = await TrentServer.StartAsync(sm2Everywhere: true);
        using var kms = server.Kms();

        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.SM2, KeyUsage = KeyUsageType.SIGN_VERIFY })).KeyMetadata;
        Assert.Equal($"arn:aws:kms:us-east-1:{server.Root.AccountId}:key/{key.KeyId}", key.Arn);
        var signature = Bytes((await kms.SignAsync(key, "SM2DSA", Message)).Signature);
        Assert.True((await kms.VerifyAsync(key, "SM2DSA", Message, signature)).SignatureValid);

        var wrapping = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var pair = await kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = wrapping.Arn, KeyPairSpec = DataKeyPairSpec.SM2 });
        Assert.Equal(DataKeyPairSpec.SM2, pair.KeyPairSpec);
        Assert.Equal(Bytes(pair.PrivateKeyPlaintext), Bytes((await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = pair.PrivateKeyCiphertextBlob })).Plaintext));
    }
}
