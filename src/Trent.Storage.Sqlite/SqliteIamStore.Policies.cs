using Trent.Core.Identity.Iam;

namespace Trent.Storage.Sqlite;

// Inline policies, keyed by their owner's id.
public sealed partial class SqliteIamStore
{
    public ValueTask<bool> PutInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, InlinePolicy policy, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            var (policies, owners, idColumn) = Tables(kind);
            // The existence check and the write are one statement in one transaction: an owner deleted meanwhile is
            // reported, not turned into a foreign key failure. A name differing only in case replaces the policy.
            using var upsert = tx.Command($"""
                INSERT INTO {policies} ({idColumn}, policy_name, document)
                SELECT $owner_id, $policy_name, $document WHERE EXISTS (SELECT 1 FROM {owners} WHERE {idColumn} = $owner_id)
                ON CONFLICT ({idColumn}, policy_name) DO UPDATE SET policy_name = excluded.policy_name, document = excluded.document;
                """)
                .With("$owner_id", ownerId)
                .With("$policy_name", policy.PolicyName)
                .With("$document", policy.Document);
            return upsert.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<InlinePolicy?> GetInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            var (policies, _, idColumn) = Tables(kind);
            using var select = tx.Command($"SELECT policy_name, document FROM {policies} WHERE {idColumn} = $owner_id AND policy_name = $policy_name;")
                .With("$owner_id", ownerId)
                .With("$policy_name", policyName);
            using var row = select.ExecuteReader();
            return row.Read() ? new InlinePolicy(row.GetString(0), row.GetString(1)) : null;
        }, ct);

    public ValueTask<IReadOnlyList<InlinePolicy>> ListInlinePoliciesAsync(PolicyOwnerKind kind, string ownerId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            var (policies, _, idColumn) = Tables(kind);
            using var select = tx.Command($"SELECT policy_name, document FROM {policies} WHERE {idColumn} = $owner_id ORDER BY policy_name;")
                .With("$owner_id", ownerId);
            var list = new List<InlinePolicy>();
            using var row = select.ExecuteReader();
            while (row.Read())
            {
                list.Add(new InlinePolicy(row.GetString(0), row.GetString(1)));
            }
            return (IReadOnlyList<InlinePolicy>)list;
        }, ct);

    public ValueTask<bool> DeleteInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            var (policies, _, idColumn) = Tables(kind);
            using var delete = tx.Command($"DELETE FROM {policies} WHERE {idColumn} = $owner_id AND policy_name = $policy_name;")
                .With("$owner_id", ownerId)
                .With("$policy_name", policyName);
            return delete.ExecuteNonQuery() == 1;
        }, ct);

    private static (string Policies, string Owners, string IdColumn) Tables(PolicyOwnerKind kind) => kind switch
    {
        PolicyOwnerKind.User => ("iam_user_policies", "iam_users", "user_id"),
        PolicyOwnerKind.Role => ("iam_role_policies", "iam_roles", "role_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
