using Trent.Core.Authorization;
using Trent.Core.Authorization.Grants;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Grants;

public sealed class GrantCheckerTests : IDisposable
{
    private const string Account = "111122223333";
    private const string UserArn = "arn:aws:iam::111122223333:user/app";
    private const string RoleArn = "arn:aws:iam::111122223333:role/worker";

    private static readonly KmsKey Key = new()
    {
        Arn = new KeyArn(Account, "eu-west-1", "1234abcd-12ab-34cd-56ef-1234567890ab"),
        CreationDate = DateTimeOffset.UnixEpoch,
        Policy = "{}",
    };

    private static readonly CallerIdentity User =
        new(Account, UserArn, PrincipalType.IAMUser, "AIDAEXAMPLE", "AKIAEXAMPLE") { UserName = "app" };

    private static readonly CallerIdentity Session =
        new(Account, "arn:aws:sts::111122223333:assumed-role/worker/s1", PrincipalType.AssumedRole, "AROAEXAMPLE:s1", "ASIAEXAMPLE") { RoleArn = RoleArn };

    private static readonly CallerIdentity Root = CallerIdentity.Root(Account, "AKIAROOT");

    private readonly InMemoryGrantStore _store = new();
    private readonly RootKey _root = new(new byte[RootKey.Size]);
    private readonly GrantTokenCodec _codec;
    private readonly GrantCache _cache;
    private readonly GrantChecker _checker;

    public GrantCheckerTests()
    {
        _codec = new GrantTokenCodec(_root);
        _cache = new GrantCache(_store);
        _checker = new GrantChecker(_cache, _codec);
    }

    public void Dispose()
    {
        _codec.Dispose();
        _root.Dispose();
    }

    private async Task<Grant> GrantAsync(string grantee, string[] operations, GrantConstraints? constraints = null)
    {
        var grant = new Grant(GrantIds.New(SystemRandomSource.Instance), Key.Arn, grantee, null, operations, constraints, null, DateTimeOffset.UnixEpoch);
        await _store.TryCreateAsync(grant, 100);
        _cache.Invalidate(Key.Arn);
        return grant;
    }

    private ValueTask<GrantMatch?> FindAsync(CallerIdentity caller, string operation, Dictionary<string, string>? context = null, string[]? tokens = null) =>
        _checker.FindAsync(Key, caller, operation, context, tokens);

    [Fact]
    public async Task A_grant_allows_its_grantee_its_operations_and_nothing_else()
    {
        var grant = await GrantAsync(UserArn, ["Encrypt"]);

        Assert.Equal(grant.GrantId, (await FindAsync(User, "Encrypt"))?.GrantId);
        Assert.Null(await FindAsync(User, "Decrypt"));
        Assert.Null(await FindAsync(Session, "Encrypt"));
    }

    [Fact]
    public async Task A_grant_to_a_role_allows_every_session_of_the_role()
    {
        await GrantAsync(RoleArn, ["Decrypt"]);

        Assert.NotNull(await FindAsync(Session, "Decrypt"));
        Assert.Null(await FindAsync(User, "Decrypt"));
    }

    [Fact]
    public async Task A_grant_to_an_account_root_allows_the_root_but_not_the_accounts_users()
    {
        await GrantAsync(CallerIdentity.RootArn(Account), ["Encrypt"]);

        Assert.NotNull(await FindAsync(Root, "Encrypt"));
        Assert.Null(await FindAsync(User, "Encrypt"));
    }

    [Fact]
    public async Task A_constraint_decides_by_the_requests_encryption_context()
    {
        await GrantAsync(UserArn, ["Encrypt", "DescribeKey", "RetireGrant"],
            new GrantConstraints(GrantConstraintType.EncryptionContextSubset, new Dictionary<string, string> { ["Dept"] = "IT" }));

        Assert.NotNull(await FindAsync(User, "Encrypt", new() { ["dept"] = "IT", ["x"] = "y" }));
        Assert.Null(await FindAsync(User, "Encrypt", new() { ["Dept"] = "it" }));
        Assert.Null(await FindAsync(User, "Encrypt"));
    }

    [Fact]
    public async Task DescribeKey_and_RetireGrant_ignore_the_constraint()
    {
        await GrantAsync(UserArn, ["DescribeKey", "RetireGrant"],
            new GrantConstraints(GrantConstraintType.EncryptionContextEquals, new Dictionary<string, string> { ["Dept"] = "IT" }));

        Assert.NotNull(await FindAsync(User, "DescribeKey"));
        Assert.NotNull(await FindAsync(User, "RetireGrant"));
    }

    [Fact]
    public async Task CreateGrant_by_grant_allows_only_children_with_fewer_operations_and_a_stricter_constraint()
    {
        await GrantAsync(UserArn, ["CreateGrant", "Encrypt", "Decrypt"],
            new GrantConstraints(GrantConstraintType.EncryptionContextSubset, new Dictionary<string, string> { ["Dept"] = "IT" }));
        var stricter = new GrantConstraints(GrantConstraintType.EncryptionContextEquals, new Dictionary<string, string> { ["Dept"] = "IT", ["App"] = "a" });

        async Task<GrantMatch?> AskAsync(ChildGrant child)
        {
            using (child.Enter())
            {
                return await FindAsync(User, "CreateGrant");
            }
        }

        Assert.NotNull(await AskAsync(new ChildGrant(["Encrypt"], stricter)));
        Assert.Null(await AskAsync(new ChildGrant(["Encrypt", "Sign"], stricter)));
        Assert.Null(await AskAsync(new ChildGrant(["Encrypt"], null)));
        Assert.Null(await FindAsync(User, "CreateGrant"));
    }

    [Fact]
    public async Task Authorizing_again_reads_the_grants_from_memory()
    {
        await GrantAsync(UserArn, ["Encrypt"]);
        await FindAsync(User, "Encrypt");
        var reads = _store.Reads;

        for (var i = 0; i < 10; i++)
        {
            await FindAsync(User, "Encrypt");
            await FindAsync(User, "Decrypt");
        }

        Assert.Equal(reads, _store.Reads);
    }

    [Fact]
    public async Task A_token_makes_a_grant_the_cached_view_has_not_seen_usable_at_once()
    {
        await FindAsync(User, "Encrypt");
        // Written by another node: this node's cache was not invalidated.
        var grant = new Grant(GrantIds.New(SystemRandomSource.Instance), Key.Arn, UserArn, null, ["Encrypt"], null, null, DateTimeOffset.UnixEpoch);
        await _store.TryCreateAsync(grant, 100);

        Assert.Null(await FindAsync(User, "Encrypt"));
        var token = _codec.Issue(new GrantReference(Key.Arn, grant.GrantId), SystemRandomSource.Instance);
        Assert.Equal(grant.GrantId, (await FindAsync(User, "Encrypt", tokens: [token]))?.GrantId);
    }

    [Fact]
    public async Task The_token_of_a_deleted_grant_is_refused_with_InvalidGrantTokenException()
    {
        var grant = await GrantAsync(UserArn, ["Encrypt"]);
        var token = _codec.Issue(new GrantReference(Key.Arn, grant.GrantId), SystemRandomSource.Instance);
        var tokens = new GrantTokens(_codec, _cache);
        await tokens.ValidateAsync([token]);

        await _store.DeleteAsync(Key.Arn, grant.GrantId);
        _cache.Invalidate(Key.Arn);

        var error = await Assert.ThrowsAsync<KmsException>(() => tokens.ValidateAsync([token]).AsTask());
        Assert.Equal(KmsErrorCode.InvalidGrantTokenException, error.Code);
    }
}
