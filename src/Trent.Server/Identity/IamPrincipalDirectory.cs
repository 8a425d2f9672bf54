using Trent.Core.Authorization;
using Trent.Core.Storage;

namespace Trent.Server.Identity;

/// <summary>
/// Whether a principal ARN names an IAM user or role (or a session of one) that exists, so a key policy cannot name
/// principals that are not there, as KMS refuses them. The name is the last path segment, as IAM names are unique
/// per account; federated users are accepted as they have no directory here.
/// </summary>
public sealed class IamPrincipalDirectory(IIamStore iam) : IPrincipalDirectory
{
    public async ValueTask<bool> ExistsAsync(string principalArn, CancellationToken ct = default)
    {
        var parts = principalArn.Split(':', 6);
        if (parts.Length != 6)
        {
            return false;
        }
        var (account, resource) = (parts[4], parts[5]);
        var segments = resource.Split('/');
        return segments[0] switch
        {
            "user" => await iam.GetUserAsync(account, segments[^1], ct) is not null,
            "role" => await iam.GetRoleAsync(account, segments[^1], ct) is not null,
            "assumed-role" when segments.Length == 3 => await iam.GetRoleAsync(account, segments[1], ct) is not null,
            "federated-user" => true,
            _ => false,
        };
    }
}
