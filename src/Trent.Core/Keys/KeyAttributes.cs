using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Paging;

namespace Trent.Core.Keys;

/// <summary>The mutable attributes of a key besides its state: tags and the key policy.</summary>
public sealed class KeyAttributes(KeyAccess access, KeyPolicyValidator policyValidator)
{
    public const string DefaultPolicyName = "default";

    public ValueTask<KmsKey> TagResourceAsync(KmsRequestContext ctx, string keyId, IReadOnlyList<KeyTag> tags, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:TagResource", key =>
        {
            KeyStateRules.RequireNotPendingDeletion(key);
            return key with { Tags = KeyTags.Merge(key.Tags, tags) };
        }, ct, new AccessDetails(new ConditionValues().WithRequestTags(tags)));

    public ValueTask<KmsKey> UntagResourceAsync(KmsRequestContext ctx, string keyId, IReadOnlyList<string> tagKeys, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:UntagResource", key =>
        {
            KeyStateRules.RequireNotPendingDeletion(key);
            return key with { Tags = KeyTags.Remove(key.Tags, tagKeys) };
        }, ct, new AccessDetails(new ConditionValues().SetMany("aws:TagKeys", tagKeys)));

    public async ValueTask<Page<KeyTag>> ListResourceTagsAsync(KmsRequestContext ctx, string keyId, int limit, string? marker, CancellationToken ct = default)
    {
        var key = await ReadAsync(ctx, keyId, "kms:ListResourceTags", ct);
        return Marker.PageByIndex("ListResourceTags", key.Tags, marker, limit);
    }

    public async ValueTask<(KmsKey Key, string Policy)> GetKeyPolicyAsync(KmsRequestContext ctx, string keyId, string? policyName, CancellationToken ct = default)
    {
        var key = await ReadAsync(ctx, keyId, "kms:GetKeyPolicy", ct);
        RequireDefaultPolicyName(policyName);
        return (key, key.Policy);
    }

    public async ValueTask<KmsKey> PutKeyPolicyAsync(
        KmsRequestContext ctx, string keyId, string? policyName, string policy, bool bypassLockoutCheck, CancellationToken ct = default)
    {
        RequireDefaultPolicyName(policyName);
        await policyValidator.ValidateAsync(policy, ct);
        KmsKey current;
        var details = new AccessDetails(new ConditionValues().Set("kms:BypassPolicyLockoutSafetyCheck", bypassLockoutCheck));
        using (var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:PutKeyPolicy", ct, details))
        {
            current = lease.Key;
        }
        if (!bypassLockoutCheck)
        {
            await access.RequirePolicyUpdatableAsync(ctx, current with { Policy = policy }, ct);
        }
        return await access.Catalog.UpdateAsync(current.Arn, key => key with { Policy = policy }, ct);
    }

    public async ValueTask<Page<string>> ListKeyPoliciesAsync(KmsRequestContext ctx, string keyId, int limit, string? marker, CancellationToken ct = default)
    {
        await ReadAsync(ctx, keyId, "kms:ListKeyPolicies", ct);
        return Marker.PageByIndex("ListKeyPolicies", [DefaultPolicyName], marker, limit);
    }

    private static void RequireDefaultPolicyName(string? policyName)
    {
        if (policyName is not null && policyName != DefaultPolicyName)
        {
            throw KmsException.NotFound($"No such policy exists: {policyName}. The only valid policy name is {DefaultPolicyName}.");
        }
    }

    private async ValueTask<KmsKey> ReadAsync(KmsRequestContext ctx, string keyId, string action, CancellationToken ct)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, action, ct);
        return lease.Key;
    }
}
