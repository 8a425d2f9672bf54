using System.Security.Cryptography;
using Trent.Core.Crypto;

namespace Trent.Protocol.Auth;

/// <summary>The signature a request should carry: HMAC-SHA256 of the string to sign under the signing key.</summary>
internal static class RequestSignature
{
    public const int Size = 32;

    /// <summary>
    /// String to sign: <c>AWS4-HMAC-SHA256 \n 20150830T123600Z \n date/region/service/aws4_request \n
    /// hex(sha256(canonical request))</c>.
    /// </summary>
    public static void Compute(
        in SigV4Request request,
        ReadOnlySpan<char> signedHeaders,
        string iso8601,
        in CredentialScope scope,
        KeyedHmac signingKey,
        Span<byte> signature)
    {
        Span<byte> canonicalHash = stackalloc byte[SHA256.HashSizeInBytes];
        var canonical = new Utf8Builder(1024);
        try
        {
            CanonicalRequest.Write(ref canonical, request, signedHeaders);
            Sha256Hasher.Hash(canonical.Written, canonicalHash);
        }
        finally
        {
            canonical.Dispose();
        }

        var stringToSign = new Utf8Builder(256);
        try
        {
            stringToSign.Append("AWS4-HMAC-SHA256\n"u8);
            stringToSign.Append(iso8601);
            stringToSign.Append((byte)'\n');
            stringToSign.Append(scope.Date);
            stringToSign.Append((byte)'/');
            stringToSign.Append(scope.Region);
            stringToSign.Append((byte)'/');
            stringToSign.Append(scope.Service);
            stringToSign.Append((byte)'/');
            stringToSign.Append(scope.Terminator);
            stringToSign.Append((byte)'\n');
            stringToSign.AppendLowerHex(canonicalHash);
            signingKey.Compute(stringToSign.Written, signature);
        }
        finally
        {
            stringToSign.Dispose();
        }
    }
}
