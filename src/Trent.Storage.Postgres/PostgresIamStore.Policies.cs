using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

// Inline policies, keyed by their owner's id; a put or delete announces the owner's policies to every node's cache.
internal sealed partial class PostgresIamStore
{
    public ValueTask<bool> PutInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, InlinePolicy policy, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var (policies, owners, idColumn) = Rows.PolicyTables(kind);
            // The owner is share-locked, so a concurrent delete of it waits (and then sees this policy) or went first
            // (and this reports the owner gone instead of failing on the foreign key).
            var owner = await tx.Command($"SELECT 1 FROM {owners} WHERE {idColumn} = @owner_id FOR SHARE;")
                .With("owner_id", ownerId).ListAsync(r => r.GetInt32(0), ct);
            if (owner.Count == 0)
            {
                return false;
            }
            // A name differing only in case replaces the policy, and takes its new spelling.
            await tx.Command($"""
                INSERT INTO {policies} ({idColumn}, policy_name, document) VALUES (@owner_id, @policy_name, @document)
                ON CONFLICT ({idColumn}, policy_key) DO UPDATE SET policy_name = excluded.policy_name, document = excluded.document;
                """)
                .With("owner_id", ownerId)
                .With("policy_name", policy.PolicyName)
                .With("document", policy.Document)
                .RunAsync(ct);
            tx.Announce(new StoreChange.IdentityPolicies(kind, ownerId));
            return true;
        }, ct));

    public ValueTask<InlinePolicy?> GetInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
        {
            var (policies, _, idColumn) = Rows.PolicyTables(kind);
            return tx.Command($"SELECT policy_name, document FROM {policies} WHERE {idColumn} = @owner_id AND policy_key = lower(@policy_name);")
                .With("owner_id", ownerId)
                .With("policy_name", policyName)
                .FirstOrNullAsync(r => new InlinePolicy(r.GetString(0), r.GetString(1)), ct);
        }, ct));

    public ValueTask<IReadOnlyList<InlinePolicy>> ListInlinePoliciesAsync(PolicyOwnerKind kind, string ownerId, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<InlinePolicy>>(async tx =>
        {
            var (policies, _, idColumn) = Rows.PolicyTables(kind);
            return await tx.Command($"SELECT policy_name, document FROM {policies} WHERE {idColumn} = @owner_id ORDER BY policy_key;")
                .With("owner_id", ownerId)
                .ListAsync(r => new InlinePolicy(r.GetString(0), r.GetString(1)), ct);
        }, ct));

    public ValueTask<bool> DeleteInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var (policies, _, idColumn) = Rows.PolicyTables(kind);
            var deleted = await tx.Command($"DELETE FROM {policies} WHERE {idColumn} = @owner_id AND policy_key = lower(@policy_name);")
                .With("owner_id", ownerId)
                .With("policy_name", policyName)
                .RunAsync(ct) == 1;
            if (deleted)
            {
                tx.Announce(new StoreChange.IdentityPolicies(kind, ownerId));
            }
            return deleted;
        }, ct));
}
