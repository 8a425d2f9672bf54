using Trent.Core.Authorization.Policies;

namespace Trent.Core.Authorization;

/// <summary>Why a request was refused, which decides AWS's wording of the AccessDeniedException.</summary>
public enum Denial
{
    ExplicitDenyInResourcePolicy,
    ExplicitDenyInIdentityPolicy,
    NoResourcePolicyAllows,
    NoIdentityPolicyAllows,
}

/// <summary>The outcome of one authorization, with every statement and grant that was considered.</summary>
public sealed record AuthorizationDecision(bool Allowed, Denial? Denial, string Reason, IReadOnlyList<StatementTrace> Statements, GrantMatch? Grant)
{
    /// <summary>A readable account of the decision: the verdict, then each statement and why it did or did not apply.</summary>
    public string Explain()
    {
        var lines = new List<string> { (Allowed ? "ALLOW: " : "DENY: ") + Reason };
        lines.AddRange(Statements.Select(s => "  " + s));
        if (Grant is { } g)
        {
            lines.Add($"  grant {g.GrantId}{(g.Name is null ? "" : $" ({g.Name})")} allows the operation");
        }
        return string.Join("\n", lines);
    }

    public KmsException ToException(string callerArn, string action, string resource) => Denial switch
    {
        Authorization.Denial.ExplicitDenyInResourcePolicy => AccessDenied.ExplicitDenyInResourcePolicy(callerArn, action, resource),
        Authorization.Denial.ExplicitDenyInIdentityPolicy => AccessDenied.ExplicitDenyInIdentityPolicy(callerArn, action, resource),
        Authorization.Denial.NoIdentityPolicyAllows => AccessDenied.NoIdentityPolicyAllows(callerArn, action, resource),
        _ => AccessDenied.NoResourcePolicyAllows(callerArn, action, resource),
    };
}
