using Trent.Core;
using Trent.Core.Authorization.Policies;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query;

/// <summary>An error as the Query protocol carries it: code, HTTP status, and whether the sender or AWS is at fault.</summary>
public readonly record struct QueryError(string Code, int Status, string Message)
{
    public string Type => Status >= 500 ? "Receiver" : "Sender";
}

/// <summary>
/// Maps what Core, the validator and the SigV4 verifier throw to IAM's and STS's codes and statuses: the
/// authentication errors KMS names <c>...Exception</c> are the Query protocol's InvalidClientTokenId,
/// SignatureDoesNotMatch, IncompleteSignature, MissingAuthenticationToken and ExpiredToken.
/// </summary>
public static class QueryErrors
{
    public static QueryError From(IamException e) => e.Code switch
    {
        IamErrorCode.NoSuchEntity => new("NoSuchEntity", 404, e.Message),
        IamErrorCode.EntityAlreadyExists => new("EntityAlreadyExists", 409, e.Message),
        IamErrorCode.DeleteConflict => new("DeleteConflict", 409, e.Message),
        IamErrorCode.LimitExceeded => new("LimitExceeded", 409, e.Message),
        IamErrorCode.MalformedPolicyDocument => new("MalformedPolicyDocument", 400, e.Message),
        IamErrorCode.ValidationError => new("ValidationError", 400, e.Message),
        _ => new(e.Code.ToString(), 400, e.Message),
    };

    public static QueryError From(MalformedPolicyException e) => new("MalformedPolicyDocument", 400, e.Message);

    public static QueryError From(KmsException e) => e.Code switch
    {
        KmsErrorCode.UnrecognizedClientException => new("InvalidClientTokenId", 403, e.Message),
        KmsErrorCode.InvalidSignatureException => new("SignatureDoesNotMatch", 403, e.Message),
        KmsErrorCode.IncompleteSignatureException => new("IncompleteSignature", 400, e.Message),
        KmsErrorCode.MissingAuthenticationTokenException => new("MissingAuthenticationToken", 403, e.Message),
        KmsErrorCode.ExpiredTokenException => new("ExpiredToken", 400, e.Message),
        KmsErrorCode.AccessDeniedException => new("AccessDenied", 403, e.Message),
        KmsErrorCode.ValidationException or KmsErrorCode.SerializationException or KmsErrorCode.InvalidMarkerException =>
            new("ValidationError", 400, e.Message),
        KmsErrorCode.MalformedPolicyDocumentException => new("MalformedPolicyDocument", 400, e.Message),
        KmsErrorCode.RequestEntityTooLargeException => new("RequestEntityTooLarge", 413, e.Message),
        KmsErrorCode.UnknownOperationException or KmsErrorCode.UnsupportedOperationException => new("InvalidAction", 400, e.Message),
        KmsErrorCode.DependencyTimeoutException => new("ServiceUnavailable", 503, e.Message),
        // Nothing else is expected here; anything that comes is passed on with the status KMS gives it.
        _ => new(e.Code.ToString(), Dispatch.ErrorTable.For(e.Code).Status, e.Message),
    };

    /// <summary>A request refused because the audit trail cannot record it: a 503 that SDKs retry.</summary>
    public static QueryError Unavailable() => new("ServiceUnavailable", 503, Audit.RequestAudit.UnavailableMessage);

    public static QueryError Internal(string requestId) =>
        new("InternalFailure", 500, $"An internal error occurred. Request id: {requestId}");

    /// <summary>AWS's answer to an Action the service does not have.</summary>
    public static KmsException UnknownAction(string? action, QueryService service) =>
        new(KmsErrorCode.UnknownOperationException, action is null
            ? "The request must contain the parameter Action."
            : $"Could not find operation {action} for version {service.Version}");

    public static KmsException Unimplemented(string action, QueryService service) =>
        new(KmsErrorCode.UnsupportedOperationException, $"Trent does not implement the {service.SigningName.ToUpperInvariant()} {action} operation.");
}
