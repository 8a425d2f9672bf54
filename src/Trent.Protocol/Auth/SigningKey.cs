using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Trent.Protocol.Auth;

/// <summary>SigV4's signing key: HMAC chain of "AWS4"+secret over date, region, service and "aws4_request".</summary>
internal static class SigningKey
{
    public const int Size = 32;

    // Region and service names are short (checked before); the date is 8 characters.
    private const int MaxScopeElementBytes = 3 * 64;

    public static void Derive(
        ReadOnlySpan<byte> secret, string date, string region, string service, Span<byte> destination)
    {
        var secretKeyLength = 4 + secret.Length;
        byte[]? rented = null;
        Span<byte> secretKey = secretKeyLength <= 256
            ? stackalloc byte[256]
            : (rented = ArrayPool<byte>.Shared.Rent(secretKeyLength));
        secretKey = secretKey[..secretKeyLength];
        Span<byte> dateKey = stackalloc byte[Size];
        Span<byte> regionKey = stackalloc byte[Size];
        Span<byte> serviceKey = stackalloc byte[Size];
        try
        {
            "AWS4"u8.CopyTo(secretKey);
            secret.CopyTo(secretKey[4..]);
            Hmac(secretKey, date, dateKey);
            Hmac(dateKey, region, regionKey);
            Hmac(regionKey, service, serviceKey);
            Hmac(serviceKey, CredentialScope.ExpectedTerminator, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
            CryptographicOperations.ZeroMemory(dateKey);
            CryptographicOperations.ZeroMemory(regionKey);
            CryptographicOperations.ZeroMemory(serviceKey);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Hmac(ReadOnlySpan<byte> key, string data, Span<byte> destination)
    {
        Span<byte> utf8 = stackalloc byte[MaxScopeElementBytes];
        var length = Encoding.UTF8.GetBytes(data, utf8);
        HMACSHA256.HashData(key, utf8[..length], destination);
    }
}
