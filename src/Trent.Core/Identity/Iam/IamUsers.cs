using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Core.Paging;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Iam;

/// <summary>CreateUser, GetUser, ListUsers and DeleteUser.</summary>
public sealed class IamUsers(IIamStore store, IIdentityStore identity, IamAuthorizer authorizer, IRandomSource random)
{
    public async ValueTask<IamUser> CreateAsync(
        KmsRequestContext ctx, string userName, string? path, IReadOnlyList<IamTag> tags, CancellationToken ct = default)
    {
        path ??= "/";
        var arn = IamArns.User(Partitions.ForRegion(ctx.Region), ctx.AccountId, path, userName);
        await authorizer.AuthorizeAsync(ctx, "iam:CreateUser", arn, ct);
        IamTags.Check(tags);
        var user = new IamUser(ctx.AccountId, userName, IamIds.NewUserId(random), path, arn, ctx.Now, tags);
        return await store.CreateUserAsync(user, ct) ? user : throw IamErrors.UserExists(userName);
    }

    /// <summary>
    /// The named user, or without a name the caller itself: a user, or the account root (which IAM describes by its
    /// account id and root ARN, without a name or path).
    /// </summary>
    public async ValueTask<IamUser> GetAsync(KmsRequestContext ctx, string? userName, CancellationToken ct = default)
    {
        var caller = ctx.Caller;
        if (userName is null && caller.PrincipalType == PrincipalType.Root)
        {
            var account = await identity.GetAccountAsync(caller.AccountId, ct);
            return new IamUser(caller.AccountId, "", caller.AccountId, "", caller.PrincipalArn, account?.CreatedAt ?? ctx.Now, []);
        }
        return await FindAsync(ctx, userName ?? CallerUserName(caller), "iam:GetUser", ct);
    }

    public async ValueTask<Page<IamUser>> ListAsync(
        KmsRequestContext ctx, string? pathPrefix, string? marker, int? maxItems, CancellationToken ct = default)
    {
        await authorizer.AuthorizeAsync(ctx, "iam:ListUsers", IamArns.AllUsers(Partitions.ForRegion(ctx.Region), ctx.AccountId), ct);
        return await IamPaging.ByNameAsync("iam-users", marker, maxItems,
            (after, limit) => store.ListUsersAsync(ctx.AccountId, pathPrefix, after, limit, ct), u => u.UserName);
    }

    public async ValueTask DeleteAsync(KmsRequestContext ctx, string userName, CancellationToken ct = default)
    {
        var user = await FindAsync(ctx, userName, "iam:DeleteUser", ct);
        switch (await store.DeleteUserAsync(ctx.AccountId, user.UserName, ct))
        {
            case IamDeleteOutcome.NotFound:
                throw IamErrors.NoSuchUser(userName);
            case IamDeleteOutcome.HasAccessKeys:
                throw IamErrors.MustDeleteAccessKeys();
            case IamDeleteOutcome.HasPolicies:
                throw IamErrors.MustDeletePolicies();
        }
    }

    /// <summary>
    /// Looks the user up, then authorizes against its ARN (with its path) — or, when there is no such user, against the
    /// ARN it would have — so that a caller without permission learns nothing about which users exist.
    /// </summary>
    internal async ValueTask<IamUser> FindAsync(KmsRequestContext ctx, string userName, string action, CancellationToken ct)
    {
        var user = await store.GetUserAsync(ctx.AccountId, userName, ct);
        var arn = user?.Arn ?? IamArns.User(Partitions.ForRegion(ctx.Region), ctx.AccountId, "/", userName);
        await authorizer.AuthorizeAsync(ctx, action, arn, ct);
        return user ?? throw IamErrors.NoSuchUser(userName);
    }

    /// <summary>The user a request without a user name acts on: the calling user; a session must name one.</summary>
    internal static string CallerUserName(CallerIdentity caller) =>
        caller is { PrincipalType: PrincipalType.IAMUser, UserName: { } name } ? name : throw IamErrors.UserNameRequired();
}
