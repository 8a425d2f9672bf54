using System.Text.RegularExpressions;

namespace Trent.Core.Identity.Iam;

/// <summary>The ARNs IAM and STS give their principals, and the parsing of a role ARN.</summary>
public static partial class IamArns
{
    /// <summary><c>arn:aws:iam::111122223333:user/division/app</c> for path <c>/division/</c> and name <c>app</c>.</summary>
    public static string User(string partition, string accountId, string path, string userName) =>
        $"arn:{partition}:iam::{accountId}:user{path}{userName}";

    public static string Role(string partition, string accountId, string path, string roleName) =>
        $"arn:{partition}:iam::{accountId}:role{path}{roleName}";

    /// <summary>A session's ARN names the role without its path, as STS forms it.</summary>
    public static string AssumedRole(string partition, string accountId, string roleName, string sessionName) =>
        $"arn:{partition}:sts::{accountId}:assumed-role/{roleName}/{sessionName}";

    /// <summary>What a listing of all users or roles is authorized against: the resource type's prefix in the account.</summary>
    public static string AllUsers(string partition, string accountId) => $"arn:{partition}:iam::{accountId}:user/";

    public static string AllRoles(string partition, string accountId) => $"arn:{partition}:iam::{accountId}:role/";

    /// <summary>Splits a role ARN into its partition, account, path and name; false for anything else.</summary>
    public static bool TryParseRole(string arn, out string partition, out string accountId, out string path, out string roleName)
    {
        var match = RoleArn().Match(arn);
        partition = match.Success ? match.Groups["partition"].Value : "";
        accountId = match.Success ? match.Groups["account"].Value : "";
        path = match.Success ? match.Groups["path"].Value : "";
        roleName = match.Success ? match.Groups["name"].Value : "";
        return match.Success;
    }

    /// <summary>The last segment of a user or role ARN: its name.</summary>
    public static string NameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov):iam::(?<account>\d{12}):role(?<path>/|/[\u0021-\u007E]+/)(?<name>[\w+=,.@-]{1,64})\z", RegexOptions.ECMAScript)]
    private static partial Regex RoleArn();
}
