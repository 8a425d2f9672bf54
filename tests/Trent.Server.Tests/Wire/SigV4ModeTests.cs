using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Wire;

/// <summary>Which keys the server trusts, in normal and in dev mode, and session tokens (Trent issues none).</summary>
public sealed class SigV4ModeTests
{
    private const string UnknownKeyId = "AKIAUNKNOWNKEY000001";

    [Fact]
    public async Task A_normal_server_refuses_an_unknown_access_key_with_UnrecognizedClientException()
    {
        await using var server = await TrentServer.StartAsync(dev: false);
        using var kms = server.KmsAs(UnknownKeyId, "any-secret");

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest()));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
    }

    [Fact]
    public async Task A_dev_server_accepts_an_unknown_access_key_unverified()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        using var kms = server.KmsAs(UnknownKeyId, "any-secret");

        var created = await kms.CreateKeyAsync(new CreateKeyRequest());

        Assert.Equal(server.Root.AccountId, created.KeyMetadata.AWSAccountId);
        Assert.Single((await kms.ListKeysAsync(new ListKeysRequest())).Keys);
    }

    [Fact]
    public async Task A_dev_server_still_verifies_a_known_access_key()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        using var wrongSecret = server.KmsAs(server.Root.AccessKeyId, "not-the-secret");
        using var rightSecret = server.Kms();

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => wrongSecret.ListKeysAsync(new ListKeysRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.NotNull(await rightSecret.ListKeysAsync(new ListKeysRequest()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_token_is_refused_with_UnrecognizedClientException(bool dev)
    {
        await using var server = await TrentServer.StartAsync(dev);
        using var kms = new AmazonKeyManagementServiceClient(
            new SessionAWSCredentials(server.Root.AccessKeyId, server.Root.SecretAccessKey, "FwoGZXIvYXdzEXAMPLETOKEN"),
            new AmazonKeyManagementServiceConfig { ServiceURL = server.BaseAddress.ToString(), AuthenticationRegion = TrentServer.Region, MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest()));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
    }

    [Fact]
    public async Task An_unsigned_session_token_header_on_a_valid_request_is_refused()
    {
        await using var server = await TrentServer.StartAsync(dev: false);
        var wire = new KmsWire(server.BaseAddress);
        var root = new WireCredentials(server.Root.AccessKeyId, server.Root.SecretAccessKey);

        var response = await wire.SendAsync(wire.Request("ListKeys", "{}", root).WithHeader("X-Amz-Security-Token", "token"));

        response.AssertError("UnrecognizedClientException");
    }
}
