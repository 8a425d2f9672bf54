using Trent.Core.Authorization.Policies;
using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

// RetireGrant (permission decided by the grant) and RevokeGrant (an ordinary key permission). Both work in every key state.
public sealed partial class GrantService
{
    public async ValueTask RetireGrantAsync(
        KmsRequestContext ctx, string? grantToken, string? keyId, string? grantId, bool dryRun, CancellationToken ct = default)
    {
        var grant = grantToken is not null
            ? await GrantOfTokenAsync(ctx, grantToken, keyId, grantId, ct)
            : keyId is not null && grantId is not null
                ? await GrantOfKeyAsync(ctx, keyId, grantId, ct)
                : throw KmsException.Validation("Grant token OR (grant ID, key ID) must be specified");
        // A grant's own principals retire it without asking the authorizer, which otherwise notes the key for the audit event.
        ctx.Trace?.TouchKey(grant.KeyArn.ToString());
        await AuthorizeRetireAsync(ctx, grant, ct);
        ThrowIfDryRun(dryRun);
        await DeleteAsync(grant, ct);
    }

    public async ValueTask RevokeGrantAsync(KmsRequestContext ctx, string keyId, string grantId, bool dryRun, CancellationToken ct = default)
    {
        KeyArn arn;
        using (var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:RevokeGrant", ct, NotForAwsResource()))
        {
            arn = lease.Key.Arn;
        }
        if (!GrantIds.IsWellFormed(grantId))
        {
            throw GrantIds.Invalid(grantId);
        }
        var grant = await store.GetAsync(arn, grantId, ct) ?? throw GrantIds.NotFound(grantId);
        ThrowIfDryRun(dryRun);
        await DeleteAsync(grant, ct);
    }

    private async ValueTask<Grant> GrantOfTokenAsync(KmsRequestContext ctx, string token, string? keyId, string? grantId, CancellationToken ct)
    {
        var named = codec.Open(token) ?? throw GrantTokens.Invalid();
        if (named.Key.Region != ctx.Region)
        {
            // Grants are regional, as their keys are.
            throw GrantTokens.Invalid();
        }
        if ((grantId is not null && grantId != named.GrantId)
            || (keyId is not null && await access.Catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, ct) != named.Key))
        {
            throw KmsException.Validation("The grant token and the KeyId or GrantId name different grants.");
        }
        return await store.GetAsync(named.Key, named.GrantId, ct) ?? throw GrantTokens.Invalid();
    }

    private async ValueTask<Grant> GrantOfKeyAsync(KmsRequestContext ctx, string keyId, string grantId, CancellationToken ct)
    {
        var arn = await access.Catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, ct);
        if (!GrantIds.IsWellFormed(grantId))
        {
            throw GrantIds.Invalid(grantId);
        }
        // Only that the key exists matters: RetireGrant works in every key state.
        (await access.Catalog.GetAsync(arn, ct)).Dispose();
        return await store.GetAsync(arn, grantId, ct) ?? throw GrantIds.NotFound(grantId);
    }

    /// <summary>
    /// Who may retire a grant: its retiring principal; its grantee when the grant includes RetireGrant; and principals
    /// of the key's account whose identity policies allow kms:RetireGrant (the account root always). A key policy
    /// statement about kms:RetireGrant does not count, so the key is not part of the question.
    /// </summary>
    private async ValueTask AuthorizeRetireAsync(KmsRequestContext ctx, Grant grant, CancellationToken ct)
    {
        if ((grant.RetiringPrincipal is { } retiring && GrantPrincipals.Names(retiring, ctx.Caller))
            || (grant.Allows(GrantOperations.RetireGrant) && GrantPrincipals.Names(grant.GranteePrincipal, ctx.Caller)))
        {
            return;
        }
        var conditions = new ConditionValues();
        if (grant.Constraints is { } constraints)
        {
            conditions.Set("kms:GrantConstraintType", constraints.Type.ToString()).WithEncryptionContext(constraints.Pairs);
        }
        await authorizer.AuthorizeAsync(ctx, new AuthorizationRequest("kms:RetireGrant", grant.KeyArn.ToString(), Key: null)
        {
            Conditions = conditions,
        }, ct);
    }

    private async ValueTask DeleteAsync(Grant grant, CancellationToken ct)
    {
        await store.DeleteAsync(grant.KeyArn, grant.GrantId, ct);
        cache.Invalidate(grant.KeyArn);
    }
}
