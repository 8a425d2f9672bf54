using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trent.Bench.Signing;

/// <summary>The headers a SigV4-signed KMS request carries besides Host and Content-Type.</summary>
public sealed record SignedHeaders(string AmzDate, string Target, string Authorization);

/// <summary>
/// Signs KMS requests (AWS JSON 1.1, <c>POST /</c>) with SigV4 as botocore does, signing content-type, host,
/// x-amz-date and x-amz-target, and builds the complete HTTP/1.1 request. A signed request stays valid for AWS's
/// 5-minute clock skew, so the load generator signs once and replays; the signing cost stays on the client.
/// </summary>
public sealed class SigV4Signer(Credentials credentials, string host, string region = "us-east-1")
{
    public const string ContentType = "application/x-amz-json-1.1";
    private const string Service = "kms";
    private const string SignedHeaderNames = "content-type;host;x-amz-date;x-amz-target";

    private readonly Lock _gate = new();
    private byte[]? _signingKey;
    private string? _signingKeyDate;

    public string Host => host;

    /// <summary>The raw request bytes: request line, headers and body.</summary>
    public byte[] Sign(string operation, ReadOnlySpan<byte> body, DateTime utcNow)
    {
        var signed = Headers(operation, body, utcNow);
        var head =
            "POST / HTTP/1.1\r\n" +
            $"Host: {host}\r\n" +
            $"Content-Type: {ContentType}\r\n" +
            $"X-Amz-Target: {signed.Target}\r\n" +
            $"X-Amz-Date: {signed.AmzDate}\r\n" +
            $"Authorization: {signed.Authorization}\r\n" +
            $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        var request = new byte[Encoding.ASCII.GetByteCount(head) + body.Length];
        var written = Encoding.ASCII.GetBytes(head, request);
        body.CopyTo(request.AsSpan(written));
        return request;
    }

    public SignedHeaders Headers(string operation, ReadOnlySpan<byte> body, DateTime utcNow)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var target = "TrentService." + operation;
        var canonical =
            "POST\n/\n\n" +
            $"content-type:{ContentType}\nhost:{host}\nx-amz-date:{amzDate}\nx-amz-target:{target}\n\n" +
            $"{SignedHeaderNames}\n{Hex(SHA256.HashData(body))}";
        var scope = $"{date}/{region}/{Service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Hex(HMACSHA256.HashData(SigningKey(date), Encoding.UTF8.GetBytes(stringToSign)));
        return new SignedHeaders(amzDate, target,
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={SignedHeaderNames}, Signature={signature}");
    }

    private byte[] SigningKey(string date)
    {
        // Setup signs from parallel tasks; the derived key is shared for the day.
        lock (_gate)
        {
            if (_signingKey is null || _signingKeyDate != date)
            {
                var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), Encoding.UTF8.GetBytes(date));
                key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
                key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Service));
                _signingKey = HMACSHA256.HashData(key, "aws4_request"u8);
                _signingKeyDate = date;
            }
            return _signingKey;
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
