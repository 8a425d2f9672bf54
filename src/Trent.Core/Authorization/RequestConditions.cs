using System.Globalization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Authorization;

/// <summary>The condition keys every KMS request carries: the caller's (aws:*) and the key's (kms:Key*, aws:ResourceTag/*).</summary>
public static class RequestConditions
{
    public static ConditionValues Global(KmsRequestContext ctx)
    {
        var caller = ctx.Caller;
        return new ConditionValues()
            .Set("aws:PrincipalArn", caller.RoleArn ?? caller.PrincipalArn)
            .Set("aws:PrincipalAccount", caller.AccountId)
            .Set("aws:PrincipalType", caller.PrincipalType switch
            {
                PrincipalType.Root => "Account",
                PrincipalType.IAMUser => "User",
                _ => "AssumedRole",
            })
            .Set("aws:userid", caller.UserId)
            .Set("aws:username", caller.UserName)
            .Set("aws:SourceIp", ctx.SourceIp)
            .Set("aws:SecureTransport", ctx.SecureTransport)
            .Set("aws:CurrentTime", ctx.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", ctx.Now.ToUnixTimeSeconds())
            .Set("aws:RequestedRegion", ctx.Region)
            .Set("aws:UserAgent", ctx.UserAgent)
            .Set("kms:CallerAccount", caller.AccountId);
    }

    /// <summary>The key-resource condition keys, from the key's properties and tags.</summary>
    public static ConditionValues Key(KmsKey key)
    {
        var values = new ConditionValues()
            .Set("kms:KeySpec", key.KeySpec.ToString())
            .Set("kms:CustomerMasterKeySpec", key.KeySpec.ToString())
            .Set("kms:KeyUsage", key.KeyUsage.ToString())
            .Set("kms:CustomerMasterKeyUsage", key.KeyUsage.ToString())
            .Set("kms:KeyOrigin", key.Origin.ToString())
            .Set("kms:MultiRegion", key.MultiRegion);
        if (key.MultiRegion)
        {
            values.Set("kms:MultiRegionKeyType", "PRIMARY");
        }
        foreach (var tag in key.Tags)
        {
            values.Set("aws:ResourceTag/" + tag.TagKey, tag.TagValue);
        }
        return values;
    }

    /// <summary>kms:EncryptionContext:&lt;key&gt; for each pair and kms:EncryptionContextKeys.</summary>
    public static ConditionValues WithEncryptionContext(this ConditionValues values, IReadOnlyDictionary<string, string>? context)
    {
        if (context is null)
        {
            return values;
        }
        foreach (var (key, value) in context)
        {
            values.Set("kms:EncryptionContext:" + key, value);
        }
        return values.SetMany("kms:EncryptionContextKeys", context.Keys);
    }

    /// <summary>aws:RequestTag/&lt;key&gt; and aws:TagKeys for the tags in a request.</summary>
    public static ConditionValues WithRequestTags(this ConditionValues values, IReadOnlyList<KeyTag> tags)
    {
        foreach (var tag in tags)
        {
            values.Set("aws:RequestTag/" + tag.TagKey, tag.TagValue);
        }
        return values.SetMany("aws:TagKeys", tags.Select(t => t.TagKey));
    }
}
