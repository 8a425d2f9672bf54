using Trent.Core;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Derived signing keys are reused across requests, but never across a change of secret.</summary>
public sealed class SigningKeyCacheTests
{
    [Fact]
    public async Task One_key_signing_many_requests_derives_its_signing_key_once()
    {
        var harness = new VerifierHarness();

        for (var i = 0; i < 50; i++)
        {
            var request = TestRequest.Kms(body: $$"""{"KeyId":"alias/app","Plaintext":"{{i}}"}""")
                .Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime.AddSeconds(i)));
            var result = await harness.VerifyAsync(request);
            Assert.Equal(TestKeys.Alice.Identity, result.Caller);
        }

        Assert.Equal(1, harness.Cache.Count);
        Assert.Equal(50, harness.Keys.Lookups);
    }

    [Fact]
    public async Task Each_key_region_and_service_has_its_own_signing_key()
    {
        var harness = new VerifierHarness(new Trent.Protocol.Auth.SigV4Options { Services = ["kms", "iam"] });

        await harness.VerifyAsync(TestRequest.SignedEncrypt(TestKeys.Alice));
        await harness.VerifyAsync(TestRequest.SignedEncrypt(TestKeys.Bob));
        await harness.VerifyAsync(TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, "eu-west-1")));
        await harness.VerifyAsync(TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, Service: "iam")));

        Assert.Equal(4, harness.Cache.Count);
    }

    [Fact]
    public async Task A_changed_secret_does_not_reuse_the_signing_key_derived_from_the_old_one()
    {
        var harness = new VerifierHarness();
        await harness.VerifyAsync(TestRequest.SignedEncrypt());
        const string rotated = "alice/Rotated+9999999999999999999999999999";

        harness.Keys.ReplaceSecret(TestKeys.Alice.AccessKeyId, rotated);

        await harness.AssertRejectedAsync(
            TestRequest.SignedEncrypt(), KmsErrorCode.InvalidSignatureException, VerifierHarness.SignatureMismatch);
        var result = await harness.VerifyAsync(TestRequest.SignedEncrypt(TestKeys.Alice with { Secret = rotated }));
        Assert.Equal(TestKeys.Alice.Identity, result.Caller);
    }

    [Fact]
    public async Task A_failed_verification_adds_nothing_to_the_cache()
    {
        var harness = new VerifierHarness();

        await harness.RejectAsync(TestRequest.SignedEncrypt(TestKeys.Alice with { Secret = "wrong" }));

        Assert.Equal(0, harness.Cache.Count);
    }

    [Fact]
    public async Task The_cache_never_holds_more_entries_than_its_capacity()
    {
        var harness = new VerifierHarness(cacheCapacity: 2);
        string[] regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1"];

        foreach (var region in regions)
        {
            await harness.VerifyAsync(TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, region)));
            Assert.InRange(harness.Cache.Count, 1, 2);
        }

        foreach (var region in regions)
        {
            await harness.VerifyAsync(TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, region)));
        }
    }

    [Fact]
    public async Task Concurrent_requests_of_several_keys_all_verify()
    {
        var harness = new VerifierHarness();
        var requests = Enumerable.Range(0, 200)
            .Select(i => TestRequest.Kms(body: $$"""{"KeyId":"k{{i}}"}""").SignedBy(i % 2 == 0 ? TestKeys.Alice : TestKeys.Bob))
            .ToList();

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => harness.VerifyAsync(r))));

        Assert.Equal(100, results.Count(r => r.Caller == TestKeys.Alice.Identity));
        Assert.Equal(100, results.Count(r => r.Caller == TestKeys.Bob.Identity));
    }
}
