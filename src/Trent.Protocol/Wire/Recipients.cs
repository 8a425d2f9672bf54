using Trent.Core;

namespace Trent.Protocol.Wire;

/// <summary>The Recipient member (a Nitro Enclaves attestation document).</summary>
public sealed record RecipientInfo(string? KeyEncryptionAlgorithm, byte[]? AttestationDocument);

/// <summary>
/// Trent cannot verify Nitro attestation documents (they chain to AWS's Nitro PKI), so it refuses Recipient rather
/// than return a secret encrypted to an unverified key.
/// </summary>
public static class Recipients
{
    public static void RejectIfPresent(RecipientInfo? recipient)
    {
        if (recipient is not null)
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                "Trent does not verify Nitro Enclaves attestation documents, so the Recipient parameter is not supported.");
        }
    }
}
