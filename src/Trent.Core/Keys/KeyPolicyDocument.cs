using System.Text;
using System.Text.Json;

namespace Trent.Core.Keys;

/// <summary>Checks a key policy document before it is stored: the 32 KB quota and JSON syntax.</summary>
public static class KeyPolicyDocument
{
    public const int MaxBytes = 32 * 1024;

    public static void Validate(string policy)
    {
        if (Encoding.UTF8.GetByteCount(policy) > MaxBytes)
        {
            throw new KmsException(KmsErrorCode.LimitExceededException,
                $"The key policy exceeds the maximum size of {MaxBytes} bytes.");
        }
        try
        {
            using var doc = JsonDocument.Parse(policy);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed();
            }
        }
        catch (JsonException)
        {
            throw Malformed();
        }
    }

    private static KmsException Malformed() =>
        new(KmsErrorCode.MalformedPolicyDocumentException, "The policy document is not valid JSON.");
}
