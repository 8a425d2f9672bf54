using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Trent.Core.Crypto;

namespace Trent.Protocol.Auth;

/// <summary>The SigV4 canonical request, built from the request as received.</summary>
internal static class CanonicalRequest
{
    /// <summary>
    /// Appends <c>method \n uri \n query \n headers \n \n signedHeaders \n sha256(body)</c>. The payload hash is
    /// always computed here: an x-amz-content-sha256 header is only one more header to canonicalize.
    /// </summary>
    public static void Write(ref Utf8Builder builder, in SigV4Request request, ReadOnlySpan<char> signedHeaders)
    {
        builder.Append(request.Method);
        builder.Append((byte)'\n');
        UriEncoding.AppendCanonicalPath(ref builder, request.RawPath);
        builder.Append((byte)'\n');
        UriEncoding.AppendCanonicalQuery(ref builder, request.RawQuery);
        builder.Append((byte)'\n');
        foreach (var range in signedHeaders.Split(';'))
        {
            var name = signedHeaders[range];
            AppendLowercase(ref builder, name);
            builder.Append((byte)':');
            // A signed header the request lacks contributes an empty value; the signature then fails.
            if (request.Headers.TryGetValue(HeaderName(name), out var values))
            {
                AppendValues(ref builder, values);
            }

            builder.Append((byte)'\n');
        }

        builder.Append((byte)'\n');
        builder.Append(signedHeaders);
        builder.Append((byte)'\n');
        Span<byte> payloadHash = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256Hasher.Hash(request.Body.Span, payloadHash);
        builder.AppendLowerHex(payloadHash);
    }

    // Several values of one header are joined with ',', each trimmed and with inner runs of blanks
    // collapsed to one space (SigV4's Trimall).
    private static void AppendValues(ref Utf8Builder builder, StringValues values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)',');
            }

            var value = values[i].AsSpan().Trim(" \t");
            while (!value.IsEmpty)
            {
                var blank = value.IndexOfAny(' ', '\t');
                if (blank < 0)
                {
                    builder.Append(value);
                    break;
                }

                builder.Append(value[..blank]);
                builder.Append((byte)' ');
                value = value[blank..].TrimStart(" \t");
            }
        }
    }

    private static void AppendLowercase(ref Utf8Builder builder, ReadOnlySpan<char> name)
    {
        Span<char> lower = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        name.ToLowerInvariant(lower);
        builder.Append(lower);
    }

    // The header names every SDK signs, without allocating a string per request for them.
    private static string HeaderName(ReadOnlySpan<char> name) => name switch
    {
        "host" => "host",
        "x-amz-date" => "x-amz-date",
        "content-type" => "content-type",
        "x-amz-target" => "x-amz-target",
        "content-length" => "content-length",
        "x-amz-content-sha256" => "x-amz-content-sha256",
        "x-amz-security-token" => "x-amz-security-token",
        "x-amz-user-agent" => "x-amz-user-agent",
        "amz-sdk-invocation-id" => "amz-sdk-invocation-id",
        "amz-sdk-request" => "amz-sdk-request",
        "date" => "date",
        _ => name.ToString(),
    };
}
