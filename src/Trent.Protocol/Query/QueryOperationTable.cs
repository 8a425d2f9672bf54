using System.Collections.Frozen;
using Trent.Protocol.Query.Iam;
using Trent.Protocol.Query.Sts;

namespace Trent.Protocol.Query;

/// <summary>Every IAM and STS operation Trent implements, by service and Action name.</summary>
public sealed class QueryOperationTable
{
    private readonly FrozenDictionary<(QueryService, string), QueryOperation> _operations;

    private QueryOperationTable(IEnumerable<QueryOperation> operations) =>
        _operations = operations.ToFrozenDictionary(op => (op.Service, op.Name));

    public static QueryOperationTable Create(IamServices iam) => new(
    [
        new CreateUser(iam), new GetUser(iam), new ListUsers(iam), new DeleteUser(iam),
        new CreateAccessKey(iam), new ListAccessKeys(iam), new UpdateAccessKey(iam), new DeleteAccessKey(iam),
        new PutUserPolicy(iam), new GetUserPolicy(iam), new ListUserPolicies(iam), new DeleteUserPolicy(iam),
        new CreateRole(iam), new GetRole(iam), new ListRoles(iam), new DeleteRole(iam),
        new PutRolePolicy(iam), new GetRolePolicy(iam), new ListRolePolicies(iam), new DeleteRolePolicy(iam),
        new GetCallerIdentity(), new AssumeRole(iam),
    ]);

    public IEnumerable<QueryOperation> All => _operations.Values;

    public QueryOperation? Find(QueryService service, string action) => _operations.GetValueOrDefault((service, action));
}
