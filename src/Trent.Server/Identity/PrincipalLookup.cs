using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Server.Identity;

/// <summary>
/// Turns a principal ARN into the caller identity a request signed by that principal would authenticate as, for
/// questions asked outside a request (<c>trent authz explain</c>). A role ARN stands for any session of the role.
/// </summary>
public sealed class PrincipalLookup(IIamStore iam)
{
    public const string ExplainSessionName = "trent-authz-explain";

    public async ValueTask<CallerIdentity> FindAsync(string principalArn, CancellationToken ct = default)
    {
        var parts = principalArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !Core.Keys.KeyIdentifier.IsAccountId(parts[4]))
        {
            throw new ArgumentException($"'{principalArn}' is not a principal ARN (arn:aws:iam::<account>:root, :user/<name>, :role/<name>, or arn:aws:sts::<account>:assumed-role/<role>/<session>).");
        }
        var (partition, account, resource) = (parts[1], parts[4], parts[5]);
        var segments = resource.Split('/');
        switch (parts[2], segments[0])
        {
            case ("iam", "root"):
                return CallerIdentity.Root(account, "") with { PrincipalArn = CallerIdentity.RootArn(account, partition) };
            case ("iam", "user"):
                var user = await iam.GetUserAsync(account, segments[^1], ct) ?? throw Missing("user", principalArn);
                return new CallerIdentity(account, user.Arn, PrincipalType.IAMUser, user.UserId, "") { UserName = user.UserName };
            case ("iam", "role"):
                return await SessionAsync(account, segments[^1], ExplainSessionName, ct);
            case ("sts", "assumed-role") when segments.Length == 3:
                return await SessionAsync(account, segments[1], segments[2], ct);
            default:
                throw new ArgumentException($"'{principalArn}' names no principal Trent authenticates (root, IAM user, IAM role or assumed-role session).");
        }

        async ValueTask<CallerIdentity> SessionAsync(string account, string roleName, string session, CancellationToken ct)
        {
            var role = await iam.GetRoleAsync(account, roleName, ct) ?? throw Missing("role", principalArn);
            return CallerIdentity.AssumedRole(account, role.Arn, role.RoleId, session, "");
        }
    }

    private static ArgumentException Missing(string kind, string arn) => new($"No IAM {kind} {arn} exists in this data directory.");
}
