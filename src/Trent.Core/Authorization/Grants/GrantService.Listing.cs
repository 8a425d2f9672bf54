using Trent.Core.Authorization.Policies;
using Trent.Core.Keys;
using Trent.Core.Paging;

namespace Trent.Core.Authorization.Grants;

// ListGrants and ListRetirableGrants: pages in (creation date, grant id) order, resumed from a position marker.
public sealed partial class GrantService
{
    private const string ListGrantsListing = "ListGrants";
    private const string ListRetirableGrantsListing = "ListRetirableGrants";

    public async ValueTask<Page<Grant>> ListGrantsAsync(
        KmsRequestContext ctx, string keyId, int limit, string? marker, string? grantId, string? granteePrincipal, CancellationToken ct = default)
    {
        KeyArn arn;
        using (var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:ListGrants", ct, NotForAwsResource()))
        {
            arn = lease.Key.Arn;
        }
        if (grantId is not null && !GrantIds.IsWellFormed(grantId))
        {
            throw GrantIds.Invalid(grantId);
        }
        var after = GrantMarkers.Decode(ListGrantsListing, marker);
        var grants = await store.ListByKeyAsync(arn, grantId, granteePrincipal, after, limit + 1, ct);
        return GrantMarkers.Page(ListGrantsListing, grants, limit);
    }

    /// <summary>
    /// Grants that name <paramref name="retiringPrincipal"/> as their retiring principal, on keys of any account in the
    /// region. The principal must be of the caller's account, whose identity policies decide (the account root may).
    /// </summary>
    public async ValueTask<Page<Grant>> ListRetirableGrantsAsync(
        KmsRequestContext ctx, string retiringPrincipal, int limit, string? marker, CancellationToken ct = default)
    {
        if (!GrantPrincipals.IsPrincipalArn(retiringPrincipal))
        {
            throw new KmsException(KmsErrorCode.InvalidArnException, $"RetiringPrincipal {retiringPrincipal} is not a principal ARN.");
        }
        await access.AuthorizeAsync(ctx, "kms:ListRetirableGrants", retiringPrincipal, key: null, ct);
        var after = GrantMarkers.Decode(ListRetirableGrantsListing, marker);
        var grants = await store.ListByRetiringPrincipalAsync(ctx.Region, retiringPrincipal, after, limit + 1, ct);
        return GrantMarkers.Page(ListRetirableGrantsListing, grants, limit);
    }

    /// <summary>kms:GrantIsForAWSResource of ListGrants and RevokeGrant: no AWS service calls Trent.</summary>
    private static AccessDetails NotForAwsResource() => new(new ConditionValues().Set("kms:GrantIsForAWSResource", false));
}
