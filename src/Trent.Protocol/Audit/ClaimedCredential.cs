using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Trent.Protocol.Audit;

/// <summary>
/// The access key id, region and service a request's Authorization header claims, read leniently for the audit event of a
/// request that failed authentication. Only values shaped like an access key id, a region or a service name are taken, so that junk
/// (or a secret pasted into the wrong field) never reaches the trail.
/// </summary>
internal static class ClaimedCredential
{
    private static readonly SearchValues<char> KeyIdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    // Regions and service names alike: lowercase letters, digits and dashes.
    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static (string? AccessKeyId, string? Region, string? Service) From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var at = header.IndexOf("Credential=", StringComparison.Ordinal);
        if (at < 0)
        {
            return (null, null, null);
        }
        var credential = header.AsSpan(at + "Credential=".Length);
        var end = credential.IndexOfAny(", ");
        credential = end < 0 ? credential : credential[..end];
        // <access key id>/<date>/<region>/<service>/aws4_request
        Span<Range> parts = stackalloc Range[6];
        var count = credential.Split(parts, '/');
        var keyId = count >= 1 ? credential[parts[0]] : default;
        var region = count >= 3 ? credential[parts[2]] : default;
        var service = count >= 4 ? credential[parts[3]] : default;
        return (
            keyId.Length is >= 16 and <= 128 && !keyId.ContainsAnyExcept(KeyIdChars) ? keyId.ToString() : null,
            Named(region),
            Named(service));
    }

    private static string? Named(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= 32 && !value.ContainsAnyExcept(NameChars) ? value.ToString() : null;
}
