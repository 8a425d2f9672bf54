using Trent.Core.Keys;

namespace Trent.Core.Authorization;

/// <summary>One authorization question: may the caller perform <see cref="Action"/> on the resource?</summary>
/// <param name="Action">The IAM action, e.g. <c>kms:Encrypt</c>.</param>
/// <param name="ResourceArn">The key or alias ARN; null for actions without a resource (CreateKey, ListKeys, ...).</param>
/// <param name="Key">The key the action touches, when there is one.</param>
/// <param name="CrossAccountAllowed">Whether AWS lets this action reach a key in another account.</param>
public sealed record AuthorizationRequest(string Action, string? ResourceArn, KmsKey? Key, bool CrossAccountAllowed);

/// <summary>Decides whether a request is allowed; throws AccessDeniedException with AWS's message when it is not.</summary>
public interface IAuthorizer
{
    void Authorize(KmsRequestContext ctx, AuthorizationRequest request);
}
