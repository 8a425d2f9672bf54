using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Authorization.Grants;

/// <summary>
/// The grant operations: CreateGrant here, the listings and the two ways to delete a grant in the other parts of
/// this class. Every write invalidates the key's cached grants, so the next authorization sees it.
/// </summary>
public sealed partial class GrantService(
    KeyAccess access, IAuthorizer authorizer, IGrantStore store, GrantCache cache, GrantTokenCodec codec,
    IPrincipalDirectory principals, IRandomSource random, KmsLimits limits)
{
    public async ValueTask<CreatedGrant> CreateGrantAsync(KmsRequestContext ctx, GrantRequest request, CancellationToken ct = default)
    {
        var constraints = GrantConstraints.From(request.EncryptionContextSubset, request.EncryptionContextEquals);
        GrantPrincipals.RequireWellFormed(request.GranteePrincipal, "GranteePrincipal");
        if (request.RetiringPrincipal is { } retiring)
        {
            GrantPrincipals.RequireWellFormed(retiring, "RetiringPrincipal");
        }
        var operations = request.Operations.Distinct(StringComparer.Ordinal).ToList();

        KmsKey key;
        using (new ChildGrant(operations, constraints).Enter())
        using (var lease = await access.ReadAsync(ctx, request.KeyId, KeyIdForms.KeyIdOrArn, "kms:CreateGrant", ct,
            new AccessDetails(CreateGrantConditions(request, operations, constraints), constraints?.Pairs, request.GrantTokens)))
        {
            key = lease.Key;
        }
        RequireGrantable(key);
        GrantOperations.RequireValidFor(key, operations);
        if (constraints is not null && !key.IsSymmetricEncryption)
        {
            // Documented; AWS's wording is not known.
            throw KmsException.Validation($"Grant constraints are valid only for symmetric encryption KMS keys; {key.Arn} has key spec {key.KeySpec}.");
        }
        await GrantPrincipals.RequireExistsAsync(principals, request.GranteePrincipal, "GranteePrincipal", ct);
        if (request.RetiringPrincipal is { } retiringPrincipal)
        {
            await GrantPrincipals.RequireExistsAsync(principals, retiringPrincipal, "RetiringPrincipal", ct);
        }

        // A name makes the call idempotent: the same parameters again answer the existing grant with a fresh token.
        var existing = request.Name is { } name
            ? (await store.FindByNameAsync(key.Arn, name, ct)).FirstOrDefault(g => g.HasParameters(request.GranteePrincipal, request.RetiringPrincipal, operations, constraints))
            : null;
        if (existing is null && await store.CountAsync(key.Arn, ct) >= limits.GrantsPerKey)
        {
            throw LimitExceeded(key);
        }
        ThrowIfDryRun(request.DryRun);
        var grant = existing ?? await CreateAsync(key, request, operations, constraints, ctx.Now, ct);
        return new CreatedGrant(grant.GrantId, codec.Issue(new GrantReference(key.Arn, grant.GrantId), random));
    }

    private async ValueTask<Grant> CreateAsync(
        KmsKey key, GrantRequest request, IReadOnlyList<string> operations, GrantConstraints? constraints, DateTimeOffset now, CancellationToken ct)
    {
        var grant = new Grant(GrantIds.New(random), key.Arn, request.GranteePrincipal, request.RetiringPrincipal, operations, constraints, request.Name, now);
        var created = await store.TryCreateAsync(grant, limits.GrantsPerKey, ct);
        cache.Invalidate(key.Arn);
        return created switch
        {
            GrantCreation.Created => grant,
            GrantCreation.LimitExceeded => throw LimitExceeded(key),
            _ => throw KeyCatalog.NotFound(key.Arn),
        };
    }

    /// <summary>The condition keys of CreateGrant: what is granted, to whom, and under which constraint.</summary>
    private static ConditionValues CreateGrantConditions(GrantRequest request, IReadOnlyList<string> operations, GrantConstraints? constraints)
    {
        var conditions = new ConditionValues()
            .SetMany("kms:GrantOperations", operations)
            .Set("kms:GranteePrincipal", request.GranteePrincipal)
            .Set("kms:RetiringPrincipal", request.RetiringPrincipal)
            // No AWS service calls Trent on a principal's behalf.
            .Set("kms:GrantIsForAWSResource", false);
        return constraints is null
            ? conditions
            : conditions.Set("kms:GrantConstraintType", constraints.Type.ToString()).WithEncryptionContext(constraints.Pairs);
    }

    /// <summary>CreateGrant's row of the key-state table: Enabled, Updating and Unavailable keys take grants.</summary>
    private static void RequireGrantable(KmsKey key)
    {
        if (key.State is not (KeyState.Enabled or KeyState.Updating or KeyState.Unavailable))
        {
            throw KeyStateRules.StateError(key);
        }
    }

    // The quota is documented, AWS's wording of the refusal is not.
    private KmsException LimitExceeded(KmsKey key) =>
        new(KmsErrorCode.LimitExceededException, $"Grant quota for key {key.Arn} is {limits.GrantsPerKey} and it is reached.");

    private static void ThrowIfDryRun(bool dryRun)
    {
        if (dryRun)
        {
            throw new KmsException(KmsErrorCode.DryRunOperationException, "The request would have succeeded, but the DryRun option is set.");
        }
    }
}
