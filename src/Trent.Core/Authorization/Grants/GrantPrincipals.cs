using System.Text.RegularExpressions;
using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;

namespace Trent.Core.Authorization.Grants;

/// <summary>Which principals a grant may name, and which named principals a caller is.</summary>
public static partial class GrantPrincipals
{
    /// <summary>
    /// The principal values a caller answers to in a grant: its own ARN (for the account root, the account's root
    /// ARN), and for an assumed-role session also the role's ARN, as a grant to a role serves all its sessions.
    /// </summary>
    public static IEnumerable<string> NamesOf(CallerIdentity caller)
    {
        yield return caller.PrincipalArn;
        if (caller.RoleArn is { } role)
        {
            yield return role;
        }
    }

    public static bool Names(string principal, CallerIdentity caller) =>
        principal == caller.PrincipalArn || (caller.RoleArn is { } role && principal == role);

    /// <summary>
    /// Refuses a value that is neither an IAM principal ARN (account root, user, role, assumed-role session, federated
    /// user) nor an AWS service principal, with InvalidArnException as AWS refuses principals it cannot resolve.
    /// </summary>
    public static void RequireWellFormed(string principal, string member)
    {
        if (!IsPrincipalArn(principal) && !ServicePrincipal().IsMatch(principal))
        {
            throw InvalidPrincipal(principal, member);
        }
    }

    /// <summary>Whether the value is an IAM or STS principal ARN (not a bare account id).</summary>
    public static bool IsPrincipalArn(string principal) =>
        principal.StartsWith("arn:", StringComparison.Ordinal) && PrincipalArns.IsValidAwsPrincipal(principal);

    /// <summary>
    /// Refuses a user, role or session whose user or role does not exist; account roots and service principals
    /// (which no directory here lists) are taken as they are.
    /// </summary>
    public static async ValueTask RequireExistsAsync(IPrincipalDirectory directory, string principal, string member, CancellationToken ct)
    {
        if (IsPrincipalArn(principal) && !PrincipalArns.IsAccountPrincipal(principal) && !await directory.ExistsAsync(principal, ct))
        {
            throw InvalidPrincipal(principal, member);
        }
    }

    // AWS's wording for an unresolvable principal is not known; the type is (Terraform retries on it for new roles).
    private static KmsException InvalidPrincipal(string principal, string member) =>
        new(KmsErrorCode.InvalidArnException, $"{member} {principal} is not a valid principal.");

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$")]
    private static partial Regex ServicePrincipal();
}
