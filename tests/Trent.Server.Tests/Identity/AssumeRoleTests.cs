using System.Net;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>STS AssumeRole through the AWS SDK for .NET: trust policy evaluation, durations, and the session's credentials.</summary>
public sealed class AssumeRoleTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private const string AllowAssumeRole = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    private static string TrustFor(string principal, string effect = "Allow") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"}]}""";

    private async Task<(string Name, string Arn, string RoleId)> NewRoleAsync(string trust, int? maxSessionDuration = null, string path = "/")
    {
        var name = Unique("role");
        var role = (await fixture.Root.IamAsync("CreateRole", maxSessionDuration is { } max
            ? new { RoleName = name, Path = path, AssumeRolePolicyDocument = trust, MaxSessionDuration = max }
            : (object)new { RoleName = name, Path = path, AssumeRolePolicyDocument = trust })).GetProperty("Role");
        return (name, role.Str("Arn"), role.Str("RoleId"));
    }

    private static async Task<SigningCredentials> AssumeAsync(AmazonSecurityTokenServiceClient sts, string roleArn, string session = "s1", int? duration = null)
    {
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = session, DurationSeconds = duration });
        var c = response.Credentials;
        return new SigningCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    private static async Task<AmazonSecurityTokenServiceException> RefusedAsync(Func<Task> call, string code, HttpStatusCode status)
    {
        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(call);
        Assert.Equal((code, status), (error.ErrorCode, error.StatusCode));
        return error;
    }

    [Fact]
    public async Task A_user_named_in_the_trust_policy_gets_temporary_credentials_for_the_role()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn), path: "/ci/");
        using var sts = fixture.Server.Sts(keys);

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "deploy-42" });

        Assert.Matches("^ASIA[A-Z2-7]{16}$", response.Credentials.AccessKeyId);
        Assert.Equal(40, response.Credentials.SecretAccessKey.Length);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        // Sessions are dated by the domain clock, which stands still in these tests while the wall clock runs on.
        var issued = fixture.Server.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(response.Credentials.Expiration!.Value.ToUniversalTime(), issued.AddMinutes(59), issued.AddMinutes(61));
        Assert.Equal($"{role.RoleId}:deploy-42", response.AssumedRoleUser.AssumedRoleId);
        Assert.Equal($"arn:aws:sts::{fixture.Account}:assumed-role/{role.Name}/deploy-42", response.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task The_session_is_the_assumed_role_in_GetCallerIdentity()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);
        var session = await AssumeAsync(sts, role.Arn, "who-am-i");

        using var asSession = fixture.Server.Sts(session);
        var me = await asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal((fixture.Account, $"{role.RoleId}:who-am-i", $"arn:aws:sts::{fixture.Account}:assumed-role/{role.Name}/who-am-i"),
            (me.Account, me.UserId, me.Arn));
    }

    [Fact]
    public async Task The_session_signs_KMS_requests_with_its_roles_permissions()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);
        var session = await AssumeAsync(sts, role.Arn);
        using var kms = fixture.Server.KmsWith(session);
        var denied = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.CreateKeyAsync(new CreateKeyRequest()));

        await fixture.Root.IamAsync("PutRolePolicy", new
        {
            RoleName = role.Name,
            PolicyName = "kms",
            PolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:CreateKey","kms:Encrypt"],"Resource":"*"}]}""",
        });
        var key = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "made by a session" });
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyMetadata.KeyId, Plaintext = new MemoryStream("hi"u8.ToArray()) });

        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.StartsWith($"User: arn:aws:sts::{fixture.Account}:assumed-role/{role.Name}/s1 is not authorized to perform: kms:CreateKey", denied.Message);
        Assert.Equal(fixture.Account, key.KeyMetadata.AWSAccountId);
        Assert.NotEmpty(encrypted.CiphertextBlob.ToArray());
    }

    [Fact]
    public async Task A_trust_policy_naming_the_account_needs_the_callers_identity_policy_as_well()
    {
        var role = await NewRoleAsync(TrustFor($"arn:aws:iam::{fixture.Account}:root"));
        var (plain, _, plainArn) = await fixture.Server.NewUserAsync(Unique("plain"));
        var (allowed, _, _) = await fixture.Server.NewUserAsync(Unique("allowed"), AllowAssumeRole);
        using var plainSts = fixture.Server.Sts(plain);
        using var allowedSts = fixture.Server.Sts(allowed);

        var error = await RefusedAsync(() => AssumeAsync(plainSts, role.Arn), "AccessDenied", HttpStatusCode.Forbidden);
        var session = await AssumeAsync(allowedSts, role.Arn);

        Assert.Equal($"User: {plainArn} is not authorized to perform: sts:AssumeRole on resource: {role.Arn}", error.Message);
        Assert.StartsWith("ASIA", session.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_deny_in_the_trust_policy_wins_over_an_allow()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"), AllowAssumeRole);
        var trust = $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"},
              {"Effect":"Deny","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"}]}
            """;
        var role = await NewRoleAsync(trust);
        using var sts = fixture.Server.Sts(keys);

        await RefusedAsync(() => AssumeAsync(sts, role.Arn), "AccessDenied", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_explicit_deny_in_the_callers_identity_policy_wins_over_the_trust_policy()
    {
        var deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""";
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"), deny);
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);

        await RefusedAsync(() => AssumeAsync(sts, role.Arn), "AccessDenied", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_user_the_trust_policy_does_not_name_is_denied_as_for_a_role_that_does_not_exist()
    {
        var (_, _, ownerArn) = await fixture.Server.NewUserAsync(Unique("owner"));
        var (stranger, _, strangerArn) = await fixture.Server.NewUserAsync(Unique("stranger"), AllowAssumeRole);
        var role = await NewRoleAsync(TrustFor(ownerArn));
        var missing = $"arn:aws:iam::{fixture.Account}:role/no-such-role";
        using var sts = fixture.Server.Sts(stranger);

        var notNamed = await RefusedAsync(() => AssumeAsync(sts, role.Arn), "AccessDenied", HttpStatusCode.Forbidden);
        var noRole = await RefusedAsync(() => AssumeAsync(sts, missing), "AccessDenied", HttpStatusCode.Forbidden);
        var wrongPath = await RefusedAsync(() => AssumeAsync(sts, role.Arn.Replace(":role/", ":role/other/", StringComparison.Ordinal)), "AccessDenied", HttpStatusCode.Forbidden);

        Assert.Equal($"User: {strangerArn} is not authorized to perform: sts:AssumeRole on resource: {role.Arn}", notNamed.Message);
        Assert.Equal($"User: {strangerArn} is not authorized to perform: sts:AssumeRole on resource: {missing}", noRole.Message);
        Assert.Equal("AccessDenied", wrongPath.ErrorCode);
    }

    [Fact]
    public async Task The_account_root_cannot_assume_roles_as_in_AWS()
    {
        var role = await NewRoleAsync(TrustFor($"arn:aws:iam::{fixture.Account}:root"));
        using var sts = fixture.Server.Sts();

        var error = await RefusedAsync(() => AssumeAsync(sts, role.Arn), "AccessDenied", HttpStatusCode.Forbidden);

        Assert.Equal("Roles may not be assumed by root accounts.", error.Message);
    }

    [Fact]
    public async Task DurationSeconds_up_to_the_roles_maximum_sets_the_expiration_and_beyond_it_returns_ValidationError()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn), maxSessionDuration: 7200);
        using var sts = fixture.Server.Sts(keys);

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "long", DurationSeconds = 7200 });
        var tooLong = await RefusedAsync(() => AssumeAsync(sts, role.Arn, duration: 7201), "ValidationError", HttpStatusCode.BadRequest);
        var tooShort = await RefusedAsync(() => AssumeAsync(sts, role.Arn, duration: 899), "ValidationError", HttpStatusCode.BadRequest);

        Assert.InRange(response.Credentials.Expiration!.Value.ToUniversalTime(), DateTime.UtcNow.AddSeconds(7100), DateTime.UtcNow.AddSeconds(7300));
        Assert.Equal("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", tooLong.Message);
        Assert.Equal(
            "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
            tooShort.Message);
    }

    [Fact]
    public async Task A_session_name_outside_STSs_pattern_returns_ValidationError()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);

        await RefusedAsync(() => AssumeAsync(sts, role.Arn, "has space"), "ValidationError", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_sessions_permissions_are_its_roles_inline_policies()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);
        var session = fixture.Server.Boto(await AssumeAsync(sts, role.Arn));
        var denied = await session.IamFailAsync("ListRoles", null, "AccessDenied", 403);

        await fixture.Root.IamAsync("PutRolePolicy", new { RoleName = role.Name, PolicyName = "list", PolicyDocument = IdentityKit.AllowAllIam });

        await session.IamAsync("ListRoles");
        Assert.StartsWith($"User: arn:aws:sts::{fixture.Account}:assumed-role/{role.Name}/s1 is not authorized to perform: iam:ListRoles", denied.ErrorMessage);
    }

    [Fact]
    public async Task A_session_must_name_the_user_whose_access_keys_it_manages()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        await fixture.Root.IamAsync("PutRolePolicy", new { RoleName = role.Name, PolicyName = "all", PolicyDocument = IdentityKit.AllowAllIam });
        using var sts = fixture.Server.Sts(keys);
        var session = fixture.Server.Boto(await AssumeAsync(sts, role.Arn));

        var error = await session.IamFailAsync("ListAccessKeys", null, "ValidationError", 400);

        Assert.Equal("Must specify userName when calling with non-User credentials", error.ErrorMessage);
    }

    [Fact]
    public async Task A_session_assuming_a_role_gets_at_most_an_hour()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"), AllowAssumeRole);
        var first = await NewRoleAsync(TrustFor(userArn));
        await fixture.Root.IamAsync("PutRolePolicy", new { RoleName = first.Name, PolicyName = "assume", PolicyDocument = AllowAssumeRole });
        var second = await NewRoleAsync(TrustFor(first.Arn), maxSessionDuration: 43200);
        using var sts = fixture.Server.Sts(keys);
        using var chained = fixture.Server.Sts(await AssumeAsync(sts, first.Arn));

        var error = await RefusedAsync(() => AssumeAsync(chained, second.Arn, duration: 3601), "ValidationError", HttpStatusCode.BadRequest);
        var session = await AssumeAsync(chained, second.Arn, "chained", duration: 3600);

        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", error.Message);
        using var asSecond = fixture.Server.Sts(session);
        Assert.Equal($"arn:aws:sts::{fixture.Account}:assumed-role/{second.Name}/chained", (await asSecond.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn);
    }

    [Fact]
    public async Task A_tampered_session_token_or_one_of_another_session_is_refused_with_InvalidClientTokenId()
    {
        var (keys, _, userArn) = await fixture.Server.NewUserAsync(Unique("app"));
        var role = await NewRoleAsync(TrustFor(userArn));
        using var sts = fixture.Server.Sts(keys);
        var one = await AssumeAsync(sts, role.Arn, "one");
        var two = await AssumeAsync(sts, role.Arn, "two");
        var bytes = Convert.FromBase64String(one.SessionToken!);
        bytes[^1] ^= 1;

        using var tampered = fixture.Server.Sts(one with { SessionToken = Convert.ToBase64String(bytes) });
        using var swapped = fixture.Server.Sts(one with { SessionToken = two.SessionToken });
        using var kms = fixture.Server.KmsWith(one with { SessionToken = two.SessionToken });

        await RefusedAsync(() => tampered.GetCallerIdentityAsync(new GetCallerIdentityRequest()), "InvalidClientTokenId", HttpStatusCode.Forbidden);
        await RefusedAsync(() => swapped.GetCallerIdentityAsync(new GetCallerIdentityRequest()), "InvalidClientTokenId", HttpStatusCode.Forbidden);
        var kmsError = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest()));
        Assert.Equal("UnrecognizedClientException", kmsError.ErrorCode);
    }

    [Fact]
    public async Task A_session_past_its_expiration_is_refused_with_ExpiredToken_by_STS_and_KMS()
    {
        await using var server = await TrentServer.StartAsync();
        var (keys, _, userArn) = await server.NewUserAsync("app");
        var trust = TrustFor(userArn);
        var arn = (await server.Boto().IamAsync("CreateRole", new { RoleName = "r", AssumeRolePolicyDocument = trust })).GetProperty("Role").Str("Arn");
        using var sts = server.Sts(keys);
        var session = await AssumeAsync(sts, arn, duration: 900);
        using var asSession = server.Sts(session);
        using var kms = server.KmsWith(session);
        server.Clock.Advance(TimeSpan.FromSeconds(899));
        await asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        server.Clock.Advance(TimeSpan.FromSeconds(1));

        var error = await RefusedAsync(() => asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest()), "ExpiredToken", HttpStatusCode.BadRequest);
        Assert.Equal("The security token included in the request is expired", error.Message);
        var kmsError = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest()));
        Assert.Equal(("ExpiredTokenException", "The security token included in the request is expired"), (kmsError.ErrorCode, kmsError.Message));
    }

    [Fact]
    public async Task A_session_of_a_user_in_another_account_needs_the_trust_policy_and_its_own_identity_policy()
    {
        await using var server = await TrentServer.StartAsync();
        var other = await AccountCommandTests.CreateAccountAsync(server.DataDir, "444455556666");
        var otherRoot = new Boto(server.BaseAddress, other);
        var created = await otherRoot.RunAsync(
            new BotoCall("iam", "CreateUser", new { UserName = "visitor" }),
            new BotoCall("iam", "CreateAccessKey", new { UserName = "visitor" }));
        var visitorKey = created[1].Ok.GetProperty("AccessKey");
        var visitor = new SigningCredentials(visitorKey.Str("AccessKeyId"), visitorKey.Str("SecretAccessKey"));
        var arn = (await server.Boto().IamAsync("CreateRole", new { RoleName = "shared", AssumeRolePolicyDocument = TrustFor("444455556666") }))
            .GetProperty("Role").Str("Arn");
        using var sts = server.Sts(visitor);

        await RefusedAsync(() => AssumeAsync(sts, arn), "AccessDenied", HttpStatusCode.Forbidden);
        await otherRoot.IamAsync("PutUserPolicy", new { UserName = "visitor", PolicyName = "assume", PolicyDocument = AllowAssumeRole });
        using var asSession = server.Sts(await AssumeAsync(sts, arn, "visit"));

        var me = await asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal((server.Root.AccountId, $"arn:aws:sts::{server.Root.AccountId}:assumed-role/shared/visit"), (me.Account, me.Arn));
    }
}
