using System.Text.RegularExpressions;

namespace Trent.Core.Authorization.Policies;

/// <summary>The AWS principal forms a policy may name, and how they relate to a caller.</summary>
public static partial class PrincipalArns
{
    /// <summary>Account ids, account roots, users, roles, assumed-role sessions and federated users.</summary>
    public static bool IsValidAwsPrincipal(string value) => AccountId().IsMatch(value) || PrincipalArn().IsMatch(value);

    /// <summary>The account a principal belongs to, or null when it names no account.</summary>
    public static string? AccountOf(string principal) =>
        AccountId().IsMatch(principal) ? principal
        : PrincipalArn().Match(principal) is { Success: true } m ? m.Groups["account"].Value
        : null;

    /// <summary>True when the value names the account itself (bare id or <c>:root</c>), which delegates to the account's IAM.</summary>
    public static bool IsAccountPrincipal(string principal) =>
        AccountId().IsMatch(principal) || (PrincipalArn().Match(principal) is { Success: true } m && m.Groups["resource"].Value == "root");

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:(iam::(?<account>\d{12}):(?<resource>root|user/[\w+=,.@/-]+|role/[\w+=,.@/-]+|federated-user/[\w+=,.@-]+)|sts::(?<account>\d{12}):(?<resource>assumed-role/[\w+=,.@-]+/[\w+=,.@-]+|federated-user/[\w+=,.@-]+))$")]
    private static partial Regex PrincipalArn();
}
