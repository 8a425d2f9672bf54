using Trent.Core.Authorization.Policies;
using Trent.Core.Keys;

namespace Trent.Core.Authorization;

/// <summary>One authorization question: may the caller perform <see cref="Action"/> on the resource?</summary>
/// <param name="Action">The IAM action, e.g. <c>kms:Encrypt</c>.</param>
/// <param name="ResourceArn">The key or alias ARN; null for actions without a resource (CreateKey, ListKeys, ...).</param>
/// <param name="Key">The key the action touches, when there is one; its policy, tags and properties decide.</param>
public sealed record AuthorizationRequest(string Action, string? ResourceArn, KmsKey? Key)
{
    /// <summary>Whether AWS lets this action reach a key in another account.</summary>
    public bool CrossAccountAllowed => CrossAccountActions.Contains(Action);

    /// <summary>The condition keys the request itself carries (kms:EncryptionContext:*, kms:EncryptionAlgorithm, ...).</summary>
    public ConditionValues Conditions { get; init; } = new();

    /// <summary>The request's encryption context, for grant constraints.</summary>
    public IReadOnlyDictionary<string, string>? EncryptionContext { get; init; }

    /// <summary>Grant tokens presented with the request.</summary>
    public IReadOnlyList<string>? GrantTokens { get; init; }
}

/// <summary>Decides whether a request is allowed; throws AccessDeniedException with AWS's message when it is not.</summary>
public interface IAuthorizer
{
    ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default);

    /// <summary>The lockout safety check: would the caller still be allowed kms:PutKeyPolicy under the key's new policy?</summary>
    ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default);
}
