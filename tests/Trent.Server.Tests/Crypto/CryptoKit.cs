using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;

namespace Trent.Server.Tests.Crypto;

/// <summary>Shared steps of the cryptographic and rotation tests: byte helpers, key creation and exact error checks.</summary>
public static class CryptoKit
{
    public const string SymmetricDefault = "SYMMETRIC_DEFAULT";

    public const string IncorrectKeyMessage = "The key ID in the request does not identify a CMK that can perform this operation.";

    public const string UnknownKeyMessage =
        "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.";

    public const string DryRunMessage = "The request would have succeeded, but the DryRun option is set.";

    /// <summary>A value the SDK's analyzer cannot see as a constant, for requests that break the model on purpose.</summary>
    public static int Unchecked(int value) => value;

    public static MemoryStream Stream(byte[] bytes) => new(bytes);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());

    public static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);

    public static async Task<KeyMetadata> CreateKeyAsync(this IAmazonKeyManagementService kms, string description = "crypto test key") =>
        (await kms.CreateKeyAsync(new CreateKeyRequest { Description = description })).KeyMetadata;

    public static async Task<KeyMetadata> DescribeAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId })).KeyMetadata;

    public static async Task<MemoryStream> EncryptAsync(
        this IAmazonKeyManagementService kms, string keyId, string plaintext, Dictionary<string, string>? context = null) =>
        (await kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8(plaintext), EncryptionContext = context })).CiphertextBlob;

    public static async Task<DecryptResponse> DecryptAsync(
        this IAmazonKeyManagementService kms, MemoryStream blob, Dictionary<string, string>? context = null, string? keyId = null) =>
        await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(blob), EncryptionContext = context, KeyId = keyId });

    /// <summary>A fresh stream over the same bytes: the SDK reads a request stream to its end.</summary>
    public static MemoryStream Copy(MemoryStream stream) => new(stream.ToArray());

    /// <summary>
    /// Asserts the exact exception type (modeled errors have their own class; unmodeled ones such as ValidationException
    /// and AccessDeniedException arrive as <see cref="AmazonKeyManagementServiceException"/>), the error code and the message.
    /// </summary>
    public static async Task<T> ThrowsAsync<T>(string errorCode, string? message, Func<Task> call) where T : AmazonServiceException
    {
        var e = await Assert.ThrowsAsync<T>(call);
        Assert.Equal(errorCode, e.ErrorCode);
        Assert.Equal(message, e.Message);
        return e;
    }

    public static Task<AmazonKeyManagementServiceException> ValidationAsync(string message, Func<Task> call) =>
        ThrowsAsync<AmazonKeyManagementServiceException>("ValidationException", message, call);

    public static Task<AmazonKeyManagementServiceException> AccessDeniedAsync(string message, Func<Task> call) =>
        ThrowsAsync<AmazonKeyManagementServiceException>("AccessDeniedException", message, call);

    /// <summary>InvalidCiphertextException, which AWS sends without a message.</summary>
    public static Task<InvalidCiphertextException> InvalidCiphertextAsync(Func<Task> call) =>
        ThrowsAsync<InvalidCiphertextException>("InvalidCiphertextException", NoMessage("InvalidCiphertextException"), call);

    /// <summary>The SDK's text for an error response without a message: it quotes the body, which is only the type.</summary>
    public static string NoMessage(string errorType) =>
        $"The service returned an error with Error Code {errorType} and HTTP Body: {{\"__type\":\"{errorType}\"}}";
}
