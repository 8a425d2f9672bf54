using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trent.Server.Tests.Wire;

/// <summary>An access key pair as a test signs with it.</summary>
public sealed record WireCredentials(string AccessKeyId, string Secret)
{
    /// <summary>A key no server knows: accepted unverified in dev mode, refused otherwise.</summary>
    public static readonly WireCredentials DevUnknown = new("AKIATRENTDEVUNKNOWN1", "not-a-real-secret");
}

/// <summary>
/// A plain SigV4 signer for requests whose headers the test writes itself: it signs every header of the request
/// (values trimmed) over the path and query as sent, which is the canonical form for the simple values tests use.
/// </summary>
public static class WireSigner
{
    public static WireRequest Sign(WireRequest request, WireCredentials key, DateTimeOffset at, string region = "us-east-1", string service = "kms")
    {
        var iso = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dated = request.WithoutHeader("Authorization").WithHeader("X-Amz-Date", iso);
        var headers = dated.Headers
            .GroupBy(h => h.Key.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', headers.Select(g => g.Key));
        var queryAt = dated.Target.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? dated.Target : dated.Target[..queryAt];
        var query = queryAt < 0 ? "" : string.Join('&', dated.Target[(queryAt + 1)..].Split('&').Order(StringComparer.Ordinal));
        var canonical = string.Join(
            "\n",
            dated.Method,
            path,
            query,
            string.Concat(headers.Select(g => $"{g.Key}:{string.Join(',', g.Select(h => h.Value.Trim()))}\n")),
            signedHeaders,
            Hex(SHA256.HashData(dated.Body)));
        var scope = $"{iso[..8]}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{iso}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signingKey = Encoding.UTF8.GetBytes("AWS4" + key.Secret);
        foreach (var part in new[] { iso[..8], region, service, "aws4_request" })
        {
            signingKey = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(part));
        }
        var signature = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        return dated.WithHeader(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={key.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
