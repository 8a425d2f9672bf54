using Trent.Core.Authorization;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Core.Tests.Identity;

public sealed class InlineIdentityPoliciesTests
{
    private static readonly CallerIdentity User = new("111122223333", "arn:aws:iam::111122223333:user/app", PrincipalType.IAMUser, "AIDAAPP", "AKIAAPP") { UserName = "app" };

    private static readonly CallerIdentity Session =
        new("111122223333", "arn:aws:sts::111122223333:assumed-role/r/s", PrincipalType.AssumedRole, "AROAROLE:s", "ASIAKEY")
        {
            RoleArn = "arn:aws:iam::111122223333:role/r",
        };

    [Fact]
    public async Task A_users_policies_are_its_inline_policies_read_once()
    {
        var store = new PolicyStore();
        store.Put(PolicyOwnerKind.User, "AIDAAPP", "p", "{}");
        var policies = new InlineIdentityPolicies(store);

        var first = await policies.ForAsync(User);
        var second = await policies.ForAsync(User);

        Assert.Equal([new NamedPolicy("p", "{}")], first);
        Assert.Same(first, second);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task A_sessions_policies_are_its_roles()
    {
        var store = new PolicyStore();
        store.Put(PolicyOwnerKind.Role, "AROAROLE", "role-policy", "{}");

        Assert.Equal([new NamedPolicy("role-policy", "{}")], await new InlineIdentityPolicies(store).ForAsync(Session));
    }

    [Fact]
    public async Task The_account_root_has_no_identity_policies_and_costs_no_read()
    {
        var store = new PolicyStore();

        Assert.Empty(await new InlineIdentityPolicies(store).ForAsync(CallerIdentity.Root("111122223333", "AKIAROOT")));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task Invalidation_makes_the_next_request_read_the_new_policies()
    {
        var store = new PolicyStore();
        store.Put(PolicyOwnerKind.User, "AIDAAPP", "p", "{}");
        var policies = new InlineIdentityPolicies(store);
        await policies.ForAsync(User);

        store.Put(PolicyOwnerKind.User, "AIDAAPP", "q", "{}");
        policies.Invalidate(PolicyOwnerKind.User, "AIDAAPP");

        Assert.Equal(["p", "q"], (await policies.ForAsync(User)).Select(p => p.Name));
    }

    [Fact]
    public async Task A_read_overlapping_an_invalidation_is_not_cached()
    {
        var store = new PolicyStore();
        var policies = new InlineIdentityPolicies(store);
        store.OnRead = () => policies.Invalidate(PolicyOwnerKind.User, "AIDAAPP");

        await policies.ForAsync(User);
        store.OnRead = null;
        await policies.ForAsync(User);

        Assert.Equal(2, store.Reads);
    }

    /// <summary>Only the inline policy listing; the rest of the port is not used by <see cref="InlineIdentityPolicies"/>.</summary>
    private sealed class PolicyStore : IIamStore
    {
        private readonly Dictionary<(PolicyOwnerKind, string), List<InlinePolicy>> _policies = [];

        public int Reads { get; private set; }

        public Action? OnRead { get; set; }

        public void Put(PolicyOwnerKind kind, string owner, string name, string document)
        {
            if (!_policies.TryGetValue((kind, owner), out var list))
            {
                _policies[(kind, owner)] = list = [];
            }
            list.Add(new InlinePolicy(name, document));
        }

        public ValueTask<IReadOnlyList<InlinePolicy>> ListInlinePoliciesAsync(PolicyOwnerKind kind, string ownerId, CancellationToken ct = default)
        {
            Reads++;
            OnRead?.Invoke();
            return ValueTask.FromResult<IReadOnlyList<InlinePolicy>>(_policies.TryGetValue((kind, ownerId), out var list) ? [.. list] : []);
        }

        public ValueTask<bool> CreateUserAsync(IamUser user, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IamUser?> GetUserAsync(string accountId, string userName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<IamUser>> ListUsersAsync(string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IamDeleteOutcome> DeleteUserAsync(string accountId, string userName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<bool> CreateRoleAsync(IamRole role, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IamRole?> GetRoleAsync(string accountId, string roleName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<IamRole>> ListRolesAsync(string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IamDeleteOutcome> DeleteRoleAsync(string accountId, string roleName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<bool> PutInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, InlinePolicy policy, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<InlinePolicy?> GetInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<bool> DeleteInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<AccessKeyCreateOutcome> CreateAccessKeyAsync(AccessKeyRecord key, int maxPerPrincipal, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<AccessKeyRecord>> ListAccessKeysAsync(string accountId, string userId, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<bool> UpdateAccessKeyStatusAsync(string accessKeyId, AccessKeyStatus status, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<bool> DeleteAccessKeyAsync(string accessKeyId, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
