using System.Text.RegularExpressions;

namespace Trent.Core.Authorization.Policies;

/// <summary>The AWS principal forms a policy may name, and how they relate to a caller.</summary>
public static partial class PrincipalArns
{
    /// <summary>Account ids, account roots, users, roles, assumed-role sessions and federated users.</summary>
    public static bool IsValidAwsPrincipal(string value) => AccountId().IsMatch(value) || PrincipalArn().IsMatch(value);

    /// <summary>Whether a principal belongs to <paramref name="accountId"/>: its bare id or the account in its ARN.</summary>
    public static bool BelongsTo(string principal, string accountId) =>
        AccountId().IsMatch(principal) ? principal == accountId
        : PrincipalArn().IsMatch(principal) && AccountField(principal).SequenceEqual(accountId);

    /// <summary>True when the value names the account itself (bare id or <c>:root</c>), which delegates to the account's IAM.</summary>
    /// <remarks>No name after the account may hold a colon, so an ARN that matches and ends in <c>:root</c> names the root.</remarks>
    public static bool IsAccountPrincipal(string principal) =>
        AccountId().IsMatch(principal) || (PrincipalArn().IsMatch(principal) && principal.EndsWith(":root", StringComparison.Ordinal));

    /// <summary>The account of a principal ARN already matched: the fifth colon-separated field (no partition has a colon).</summary>
    private static ReadOnlySpan<char> AccountField(string arn)
    {
        var rest = arn.AsSpan();
        for (var i = 0; i < 4; i++)
        {
            rest = rest[(rest.IndexOf(':') + 1)..];
        }
        return rest[..rest.IndexOf(':')];
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:(iam::(?<account>\d{12}):(?<resource>root|user/[\w+=,.@/-]+|role/[\w+=,.@/-]+|federated-user/[\w+=,.@-]+)|sts::(?<account>\d{12}):(?<resource>assumed-role/[\w+=,.@-]+/[\w+=,.@-]+|federated-user/[\w+=,.@-]+))$")]
    private static partial Regex PrincipalArn();
}
