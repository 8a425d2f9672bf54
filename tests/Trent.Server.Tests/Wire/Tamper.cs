using System.Text.RegularExpressions;

namespace Trent.Server.Tests.Wire;

/// <summary>Small, well-formed changes to a signed request: each keeps the HTTP valid and breaks exactly one signed part.</summary>
public static partial class Tamper
{
    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>The names listed in the Authorization header's SignedHeaders.</summary>
    public static IReadOnlyList<string> SignedHeaders(WireRequest request) =>
        SignedHeadersPattern().Match(request.Header("Authorization")!).Groups[1].Value.Split(';');

    /// <summary>
    /// Changes the last digit (else the last letter) to another of its kind, so dates, ports, versions and hex
    /// stay well-formed.
    /// </summary>
    public static string ChangeLastCharacter(string value)
    {
        var at = value.AsSpan().LastIndexOfAnyInRange('0', '9');
        if (at < 0)
        {
            at = value.AsSpan().LastIndexOfAny(Letters);
        }
        var c = value[at];
        var changed = c switch
        {
            '9' => '0',
            'f' or 'z' => 'a',
            'F' or 'Z' => 'A',
            _ => (char)(c + 1),
        };
        return string.Concat(value.AsSpan(0, at), changed.ToString(), value.AsSpan(at + 1));
    }

    /// <summary>Rewrites the Authorization header's Credential scope element at <paramref name="index"/> (0 = access key id).</summary>
    public static WireRequest Credential(WireRequest request, int index, Func<string, string> change)
    {
        var authorization = request.Header("Authorization")!;
        var match = CredentialPattern().Match(authorization);
        var parts = match.Groups[1].Value.Split('/');
        parts[index] = change(parts[index]);
        return request.WithHeader("Authorization", authorization.Replace(match.Groups[1].Value, string.Join('/', parts), StringComparison.Ordinal));
    }

    public static WireRequest Authorization(WireRequest request, Func<string, string> change) =>
        request.WithHeader("Authorization", change(request.Header("Authorization")!));

    [GeneratedRegex("SignedHeaders=([^,]+)")]
    private static partial Regex SignedHeadersPattern();

    [GeneratedRegex("Credential=([^,]+)")]
    private static partial Regex CredentialPattern();
}
