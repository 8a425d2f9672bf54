using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trent.Protocol.Tests.Auth;

/// <summary>How a test request is signed.</summary>
/// <param name="SignedHeaders">Lowercase names to sign; null signs every header the request has.</param>
/// <param name="UseDateHeader">
/// Date the request with the Date header instead of X-Amz-Date: the request's own Date header when it has one,
/// else <paramref name="At"/> in RFC 1123 form.
/// </param>
/// <param name="PayloadHash">
/// What to put in the canonical request instead of the body's SHA-256, as a client that trusts its own
/// x-amz-content-sha256 header (botocore does) would.
/// </param>
internal sealed record Signing(
    TestKey Key,
    DateTimeOffset At,
    string Region = "us-east-1",
    string Service = "kms",
    IReadOnlyList<string>? SignedHeaders = null,
    bool UseDateHeader = false,
    string? PayloadHash = null);

/// <summary>
/// A second SigV4 signer, written plainly with strings and LINQ and sharing no code with Trent's verifier;
/// its output is pinned to botocore's by a test, so it can sign the requests the negative tests alter.
/// </summary>
/// <remarks>Like botocore, it takes the query string as already encoded in canonical form.</remarks>
internal static class ReferenceSigner
{
    public static TestRequest Sign(TestRequest request, Signing signing)
    {
        var iso = signing.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dated = request.WithoutHeader("Authorization").WithoutHeader("X-Amz-Date");
        if (!signing.UseDateHeader)
        {
            dated = dated.WithoutHeader("Date").WithHeader("X-Amz-Date", iso);
        }
        else if (dated.Header("Date") is null)
        {
            dated = dated.WithHeader("Date", signing.At.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        }
        var signedHeaders = signing.SignedHeaders ??
            dated.Headers.Select(h => h.Name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var scope = $"{iso[..8]}/{signing.Region}/{signing.Service}/aws4_request";
        var stringToSign = string.Join(
            "\n", "AWS4-HMAC-SHA256", iso, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(dated, signedHeaders, signing.PayloadHash)))));
        var key = SigningKey(signing.Key.Secret, iso[..8], signing.Region, signing.Service);
        var signature = Hex(Hmac(key, stringToSign));
        return dated.WithHeader(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={signing.Key.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
    }

    public static string CanonicalRequest(TestRequest request, IReadOnlyList<string> signedHeaders, string? payloadHash = null)
    {
        var headerLines = signedHeaders.Select(name => name + ":" + string.Join(
            ",",
            request.Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => Trimall(h.Value))));
        return string.Join(
            "\n",
            request.Method,
            CanonicalUri(request.Path),
            CanonicalQuery(request.Query),
            string.Concat(headerLines.Select(line => line + "\n")),
            string.Join(';', signedHeaders),
            payloadHash ?? Hex(SHA256.HashData(request.Body)));
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var element in new[] { date, region, service, "aws4_request" })
        {
            key = Hmac(key, element);
        }

        return key;
    }

    private static byte[] Hmac(byte[] key, string data)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    // Splitting on null splits on every white-space character, as Python's str.split() does.
    private static string Trimall(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // botocore's remove_dot_segments, then quote(path, safe='/~').
    private static string CanonicalUri(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                output.Add(segment);
            }
        }

        var normalized = (path.StartsWith('/') ? "/" : "") + string.Join('/', output) +
            (path.EndsWith('/') && output.Count > 0 ? "/" : "");
        return string.Concat(Encoding.UTF8.GetBytes(normalized).Select(b =>
            char.IsAsciiLetterOrDigit((char)b) || "-_.~/".Contains((char)b, StringComparison.Ordinal)
                ? ((char)b).ToString()
                : $"%{b:X2}"));
    }

    private static string CanonicalQuery(string query) =>
        query.Length == 0
            ? ""
            : string.Join('&', query.Split('&')
                .Select(pair => pair.Contains('=', StringComparison.Ordinal) ? pair : pair + "=")
                .Select(pair => (Name: pair[..pair.IndexOf('=', StringComparison.Ordinal)], Pair: pair))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ThenBy(p => p.Pair, StringComparer.Ordinal)
                .Select(p => p.Pair));
}
