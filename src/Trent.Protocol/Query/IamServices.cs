using Trent.Core.Identity.Iam;
using Trent.Core.Identity.Sts;

namespace Trent.Protocol.Query;

/// <summary>The Core services the IAM and STS operations call.</summary>
public sealed record IamServices(
    IamUsers Users,
    IamRoles Roles,
    IamInlinePolicies InlinePolicies,
    IamAccessKeys AccessKeys,
    RoleAssumption RoleAssumption);
