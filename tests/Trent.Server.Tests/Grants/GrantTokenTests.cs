using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>Grant tokens on every operation that takes them: a live grant's token passes, anything else fails the request.</summary>
public sealed class GrantTokenTests(GrantServer fx) : IClassFixture<GrantServer>
{
    [Fact]
    public async Task A_live_grants_token_passes_on_each_operation_that_takes_tokens()
    {
        var key = await fx.NewKeyAsync();
        var token = (await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt")).GrantToken;
        List<string> tokens = [token];

        var blob = (await fx.Kms.EncryptAsync(key.KeyId, tokens: tokens)).CiphertextBlob;
        await fx.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, GrantTokens = tokens });
        await fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Stream(blob.ToArray()), DestinationKeyId = key.KeyId, GrantTokens = tokens });
        await fx.Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256", GrantTokens = tokens });
        await fx.Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, KeySpec = "AES_256", GrantTokens = tokens });
        await fx.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId, GrantTokens = tokens });
        await fx.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = fx.RootArn, Operations = ["Decrypt"], GrantTokens = tokens });
    }

    [Fact]
    public async Task A_bad_token_fails_the_request_even_when_the_key_policy_allows_it()
    {
        var key = await fx.NewKeyAsync();

        // DescribeKey does not model InvalidGrantTokenException, so the SDK raises its base type.
        await Expect.Unmodeled(() => fx.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId, GrantTokens = ["not-a-token"] }),
            "InvalidGrantTokenException", InvalidGrantTokenMessage);
        await InvalidTokenAsync(() => fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            Operations = ["Decrypt"],
            GrantTokens = ["not-a-token"],
        }));
        Assert.Empty(await fx.Kms.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task One_bad_token_among_good_ones_fails_the_request()
    {
        var key = await fx.NewKeyAsync();
        var good = (await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt")).GrantToken;
        var retired = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");
        await fx.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = retired.GrantToken });

        await InvalidTokenAsync(() => fx.Kms.EncryptAsync(key.KeyId, tokens: [good, retired.GrantToken]));
    }

    [Fact]
    public async Task A_token_grants_nothing_beyond_its_grant()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        var token = (await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt")).GrantToken;

        await DeniedAsync(() => user.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(RandomBytes(64)), KeyId = key.KeyId, GrantTokens = [token] }),
            user.Arn, "kms:Decrypt", key.Arn);
        var stranger = await fx.Server.NewGranteeAsync();
        await DeniedAsync(() => stranger.Kms.EncryptAsync(key.KeyId, tokens: [token]), stranger.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task The_token_of_a_live_grant_on_another_key_is_accepted_but_allows_nothing_there()
    {
        var key = await fx.NewKeyAsync();
        var other = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        var token = (await fx.Kms.GrantAsync(other.KeyId, user.Arn, "Encrypt")).GrantToken;

        await fx.Kms.EncryptAsync(key.KeyId, tokens: [token]);
        await DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId, tokens: [token]), user.Arn, "kms:Encrypt", key.Arn);
    }

    [Fact]
    public async Task Grant_tokens_never_reach_the_log()
    {
        var log = new CapturedLog();
        await using var server = await TrentServer.StartAsync(log: log);
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();
        var user = await server.NewGranteeAsync();
        var grant = await kms.GrantAsync(key.KeyId, user.Arn, "Encrypt");
        var retired = await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = user.Arn, RetiringPrincipal = user.Arn, Operations = ["Encrypt"] });

        await user.Kms.EncryptAsync(key.KeyId, tokens: [grant.GrantToken]);
        await user.Kms.RetireGrantAsync(new RetireGrantRequest { GrantToken = retired.GrantToken });
        await InvalidTokenAsync(() => user.Kms.EncryptAsync(key.KeyId, tokens: [retired.GrantToken]));
        await DeniedAsync(() => user.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId, GrantTokens = [grant.GrantToken] }), user.Arn, "kms:DescribeKey", key.Arn);

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(grant.GrantToken, log.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(retired.GrantToken, log.AllText, StringComparison.Ordinal);
    }
}
