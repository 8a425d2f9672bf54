namespace Trent.Core.Authorization.Policies;

/// <summary>A policy document that does not parse or validate; KMS and IAM each map it to their own error.</summary>
public sealed class MalformedPolicyException(string message) : Exception(message)
{
    public KmsException ToKms() => new(KmsErrorCode.MalformedPolicyDocumentException, Message);
}
