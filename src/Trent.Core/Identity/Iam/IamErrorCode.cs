namespace Trent.Core.Identity.Iam;

/// <summary>The IAM and STS errors Core raises; the name is the Query protocol's error code.</summary>
public enum IamErrorCode
{
    NoSuchEntity,
    EntityAlreadyExists,
    DeleteConflict,
    LimitExceeded,
    MalformedPolicyDocument,
    ValidationError,
    InvalidInput,
}

/// <summary>A client-visible IAM or STS error; the message is what the client sees.</summary>
public sealed class IamException(IamErrorCode code, string message) : Exception(message)
{
    public IamErrorCode Code { get; } = code;
}
