namespace Trent.Core.Identity.Iam;

/// <summary>IAM's default quotas, and how IAM measures a policy against them.</summary>
public static class IamLimits
{
    public const int AccessKeysPerUser = 2;

    /// <summary>All inline policies of one user together.</summary>
    public const int UserPolicySize = 2048;

    /// <summary>All inline policies of one role together.</summary>
    public const int RolePolicySize = 10240;

    /// <summary>A role's trust policy (IAM's ACLSizePerRole).</summary>
    public const int TrustPolicySize = 2048;

    public const int DefaultMaxSessionDuration = 3600;

    public const int DefaultMaxItems = 100;

    public static int PolicySizeFor(PolicyOwnerKind kind) => kind == PolicyOwnerKind.User ? UserPolicySize : RolePolicySize;

    /// <summary>IAM does not count white space toward a policy's size.</summary>
    public static int SizeOf(string document)
    {
        var size = 0;
        foreach (var c in document)
        {
            if (!char.IsWhiteSpace(c))
            {
                size++;
            }
        }
        return size;
    }
}
