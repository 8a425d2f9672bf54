using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM CreateRole.</summary>
internal sealed class CreateRole(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(CreateRole);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        args.Unsupported("PermissionsBoundary", "permissions boundaries");
        var role = await iam.Roles.CreateAsync(ctx, new NewRole(
            args.Required("RoleName"),
            args.String("Path"),
            args.Required("AssumeRolePolicyDocument"),
            args.String("Description"),
            args.Int("MaxSessionDuration"),
            args.Tags()), ct);
        return new QueryResult(xml => xml.Structure("Role", r => IamXml.Role(r, role)));
    }
}
