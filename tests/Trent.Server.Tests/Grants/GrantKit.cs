using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Grants;

/// <summary>A user (or role session) of the grant tests: its KMS client, its principal ARN and its credentials.</summary>
public sealed record Principal(AmazonKeyManagementServiceClient Kms, string Arn, SigningCredentials Keys);

/// <summary>Shared steps of the grant tests: principals, grants, listings and AWS's exact errors.</summary>
public static class GrantKit
{
    public const string GrantIdPattern = "^[0-9a-f]{64}$";

    public const string InvalidGrantTokenMessage = "The grant token is not valid.";

    public static string Allow(params string[] actions) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"*"}]}""";

    /// <summary>A new IAM user with an access key and the given identity policies; without policies it may do nothing in KMS.</summary>
    public static async Task<Principal> NewGranteeAsync(this TrentServer server, params string[] policies)
    {
        var (keys, _, arn) = await server.NewUserAsync(IdentityServer.Unique("grantee"), policies);
        return new Principal(server.KmsWith(keys), arn, keys);
    }

    public static Dictionary<string, string> Context(params string[] keysAndValues) =>
        keysAndValues.Chunk(2).ToDictionary(p => p[0], p => p[1]);

    public static Task<CreateGrantResponse> GrantAsync(this IAmazonKeyManagementService kms, string keyId, string grantee, params string[] operations) =>
        kms.CreateGrantAsync(new CreateGrantRequest { KeyId = keyId, GranteePrincipal = grantee, Operations = [.. operations] });

    public static async Task<List<GrantListEntry>> GrantsOfAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.ListGrantsAsync(new ListGrantsRequest { KeyId = keyId, Limit = 100 })).Grants;

    public static Task<EncryptResponse> EncryptAsync(
        this IAmazonKeyManagementService kms, string keyId, Dictionary<string, string>? context = null, List<string>? tokens = null) =>
        kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8("granted"), EncryptionContext = context, GrantTokens = tokens });

    public static Task<AmazonKeyManagementServiceException> DeniedAsync(Func<Task> call, string callerArn, string action, string keyArn) =>
        Expect.Unmodeled(call, "AccessDeniedException",
            $"User: {callerArn} is not authorized to perform: {action} on resource: {keyArn} because no identity-based policy allows the {action} action");

    public static Task<InvalidGrantTokenException> InvalidTokenAsync(Func<Task> call) =>
        Expect.Error<InvalidGrantTokenException>(call, InvalidGrantTokenMessage);
}

/// <summary>One server for a grant test class whose tests each make their own keys, users and grants and never move the clock.</summary>
public sealed class GrantServer : IAsyncLifetime
{
    public TrentServer Server { get; private set; } = null!;

    public AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    public string Account => Server.Root.AccountId;

    public string RootArn => $"arn:aws:iam::{Account}:root";

    public async Task<KeyMetadata> NewKeyAsync() => await Kms.NewKeyAsync("grant test key");

    public async Task InitializeAsync()
    {
        Server = await TrentServer.StartAsync();
        Kms = Server.Kms();
    }

    public async Task DisposeAsync()
    {
        Kms.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Assumed-role sessions for the grant tests.</summary>
public static class Sessions
{
    /// <summary>A new role that trusts a new user, and a session of it (named <c>s1</c>).</summary>
    public static async Task<(Principal Session, string RoleArn)> AssumeNewRoleAsync(TrentServer server)
    {
        var (keys, _, userArn) = await server.NewUserAsync(IdentityServer.Unique("assumer"));
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"}]}""";
        var role = (await server.Boto().IamAsync("CreateRole", new { RoleName = IdentityServer.Unique("role"), AssumeRolePolicyDocument = trust })).GetProperty("Role");
        using var sts = server.Sts(keys);
        var assumed = await sts.AssumeRoleAsync(new Amazon.SecurityToken.Model.AssumeRoleRequest { RoleArn = role.Str("Arn"), RoleSessionName = "s1" });
        var c = assumed.Credentials;
        var credentials = new SigningCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
        return (new Principal(server.KmsWith(credentials), assumed.AssumedRoleUser.Arn, credentials), role.Str("Arn"));
    }
}
