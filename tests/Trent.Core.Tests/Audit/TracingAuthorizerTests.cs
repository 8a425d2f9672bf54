using Trent.Core.Audit;
using Trent.Core.Authorization;
using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Audit;

public sealed class TracingAuthorizerTests
{
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public async Task A_key_is_noted_for_the_audit_event_even_when_the_request_is_denied()
    {
        var trace = new RequestTrace();
        var authorizer = new TracingAuthorizer(new DenyAll());

        await Assert.ThrowsAsync<KmsException>(() => authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:Encrypt", KeyArn, null)).AsTask());

        Assert.Equal([KeyArn], trace.KeyArns);
    }

    [Fact]
    public async Task Each_key_is_noted_once_and_aliases_and_principals_are_not_keys()
    {
        var trace = new RequestTrace();
        var authorizer = new TracingAuthorizer(new AllowAll());
        var other = KeyArn.Replace("1234abcd", "9999abcd", StringComparison.Ordinal);

        await authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:ReEncryptFrom", KeyArn, null));
        await authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:ReEncryptTo", other, null));
        await authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:ReEncryptTo", other, null));
        await authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:CreateAlias", "arn:aws:kms:us-east-1:111122223333:alias/a", null));
        await authorizer.AuthorizeAsync(Context(trace), new AuthorizationRequest("kms:ListRetirableGrants", "arn:aws:iam::111122223333:root", null));

        Assert.Equal([KeyArn, other], trace.KeyArns);
    }

    private static KmsRequestContext Context(RequestTrace trace) =>
        new(CallerIdentity.Root("111122223333", "AKIAEXAMPLE"), "us-east-1", "request", DateTimeOffset.UnixEpoch) { Trace = trace };

    private sealed class DenyAll : IAuthorizer
    {
        public ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default) =>
            throw new KmsException(KmsErrorCode.AccessDeniedException, "denied");

        public ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default) => ValueTask.FromResult(false);
    }

    private sealed class AllowAll : IAuthorizer
    {
        public ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default) => ValueTask.CompletedTask;

        public ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default) => ValueTask.FromResult(true);
    }
}
