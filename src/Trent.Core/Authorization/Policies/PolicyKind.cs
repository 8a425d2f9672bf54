namespace Trent.Core.Authorization.Policies;

/// <summary>Where a policy document is attached, which decides which elements it must or must not have.</summary>
public enum PolicyKind
{
    /// <summary>A KMS key policy: resource-based, Principal required.</summary>
    KeyPolicy,

    /// <summary>An IAM identity policy (user or role inline policy): no Principal.</summary>
    IdentityPolicy,

    /// <summary>A role's trust policy: resource-based on the role, actions are sts:*.</summary>
    TrustPolicy,
}
