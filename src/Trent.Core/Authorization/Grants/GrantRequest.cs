namespace Trent.Core.Authorization.Grants;

/// <summary>What CreateGrant asks for, after wire validation.</summary>
public sealed record GrantRequest(
    string KeyId,
    string GranteePrincipal,
    string? RetiringPrincipal,
    IReadOnlyList<string> Operations,
    IReadOnlyDictionary<string, string>? EncryptionContextSubset,
    IReadOnlyDictionary<string, string>? EncryptionContextEquals,
    IReadOnlyList<string>? GrantTokens,
    string? Name,
    bool DryRun);

/// <summary>CreateGrant's answer: the grant's id and a token for it, new on every call.</summary>
public sealed record CreatedGrant(string GrantId, string GrantToken);
