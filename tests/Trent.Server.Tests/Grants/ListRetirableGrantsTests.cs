using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>ListRetirableGrants: the grants naming a retiring principal of the caller's account, across keys, in pages.</summary>
public sealed class ListRetirableGrantsTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private Task<CreateGrantResponse> GrantAsync(string keyId, string retiree) =>
        fx.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = keyId, GranteePrincipal = fx.RootArn, RetiringPrincipal = retiree, Operations = ["Encrypt"] });

    [Fact]
    public async Task The_grants_naming_the_retiring_principal_on_every_key_are_listed_with_their_keys()
    {
        var first = await fx.NewKeyAsync();
        var second = await fx.NewKeyAsync();
        var retiree = await fx.Server.NewGranteeAsync();
        var other = await fx.Server.NewGranteeAsync();
        var a = await GrantAsync(first.KeyId, retiree.Arn);
        var b = await GrantAsync(second.KeyId, retiree.Arn);
        await GrantAsync(first.KeyId, other.Arn);
        await fx.Kms.GrantAsync(first.KeyId, retiree.Arn, "Encrypt");

        var listed = await fx.Kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = retiree.Arn });

        Assert.Equal(
            new[] { (first.Arn, a.GrantId), (second.Arn, b.GrantId) }.Order(),
            listed.Grants.Select(g => (g.KeyId, g.GrantId)).Order());
        Assert.All(listed.Grants, g => Assert.Equal(retiree.Arn, g.RetiringPrincipal));
        Assert.False(listed.Truncated);
    }

    [Fact]
    public async Task Pages_follow_markers_through_every_retirable_grant_once()
    {
        var key = await fx.NewKeyAsync();
        var retiree = await fx.Server.NewGranteeAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await GrantAsync(key.KeyId, retiree.Arn)).GrantId);
        }
        var seen = new List<string>();
        string? marker = null;

        do
        {
            var page = await fx.Kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = retiree.Arn, Limit = 2, Marker = marker });
            Assert.True(page.Grants.Count <= 2);
            seen.AddRange(page.Grants.Select(g => g.GrantId));
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);

        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task A_retiring_principal_of_another_account_is_denied_and_a_non_ARN_is_an_InvalidArnException()
    {
        const string Foreign = "arn:aws:iam::444455556666:user/someone";

        await Expect.Unmodeled(() => fx.Kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = Foreign }), "AccessDeniedException",
            $"User: {fx.RootArn} is not authorized to perform: kms:ListRetirableGrants on resource: {Foreign} because no identity-based policy allows the kms:ListRetirableGrants action");
        await Expect.Error<InvalidArnException>(() => fx.Kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = "dynamodb.amazonaws.com" }),
            "RetiringPrincipal dynamodb.amazonaws.com is not a principal ARN.");
    }

    [Fact]
    public async Task A_user_lists_retirable_grants_as_its_identity_policy_allows()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        var allowed = await fx.Server.NewGranteeAsync(Allow("kms:ListRetirableGrants"));
        var grant = await GrantAsync(key.KeyId, user.Arn);
        ListRetirableGrantsRequest Request() => new() { RetiringPrincipal = user.Arn };

        await Expect.Unmodeled(() => user.Kms.ListRetirableGrantsAsync(Request()), "AccessDeniedException",
            $"User: {user.Arn} is not authorized to perform: kms:ListRetirableGrants on resource: {user.Arn} because no identity-based policy allows the kms:ListRetirableGrants action");
        var listed = await allowed.Kms.ListRetirableGrantsAsync(Request());

        Assert.Equal([grant.GrantId], listed.Grants.Select(g => g.GrantId));
    }
}
