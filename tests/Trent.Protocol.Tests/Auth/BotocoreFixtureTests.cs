using Microsoft.Extensions.Time.Testing;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Requests signed by botocore, the signer of the aws CLI and boto3, verify unchanged.</summary>
public sealed class BotocoreFixtureTests
{
    public static TheoryData<string> CaseNames => [.. BotocoreFixtures.Names];

    [Fact]
    public void The_fixture_file_holds_every_kind_of_case()
    {
        Assert.True(BotocoreFixtures.Names.Count() >= 15);
        Assert.Contains(BotocoreFixtures.Names, name => name.StartsWith("cli-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_botocore_signed_request_verifies(string name)
    {
        var fixture = BotocoreFixtures.Get(name);
        var keys = new InMemoryAccessKeys().Add(fixture.Key);
        var verifier = new SigV4Verifier(
            keys, new FakeTimeProvider(fixture.Now), new SigV4Options { Services = ["kms", "iam"] });

        var result = await verifier.VerifyAsync(fixture.ToRequest().ToSigV4Request());

        Assert.Equal(fixture.Key.Identity, result.Caller);
        Assert.Equal(fixture.Region, result.Region);
        Assert.Equal(fixture.Service, result.Service);
        Assert.Equal(fixture.Now, result.SignedAt);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_canonical_request_equals_botocores(string name)
    {
        var fixture = BotocoreFixtures.Get(name);

        Assert.Equal(fixture.CanonicalRequest, fixture.ToRequest().CanonicalRequestAsBuiltByTheServer(fixture.SignedHeaders));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_reference_signer_of_the_tests_reproduces_botocores_signature(string name)
    {
        var fixture = BotocoreFixtures.Get(name);
        var request = fixture.ToRequest();
        var useDate = request.Header("X-Amz-Date") is null;
        var signing = new Signing(fixture.Key, fixture.Now, fixture.Region, fixture.Service, fixture.SignedHeaders.Split(';'), useDate);

        var resigned = ReferenceSigner.Sign(request, signing);

        Assert.Equal(request.Header("Authorization"), resigned.Header("Authorization"));
    }
}
