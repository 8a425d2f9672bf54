using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Identity.Support;

/// <summary>Clients and fixtures for the identity tests: boto3 for IAM, the AWS SDK for .NET for STS and KMS.</summary>
public static class IdentityKit
{
    public const string AllowAllIam = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}""";

    public static SigningCredentials RootCredentials(this TrentServer server) => new(server.Root.AccessKeyId, server.Root.SecretAccessKey);

    public static Boto Boto(this TrentServer server, SigningCredentials? credentials = null) => new(server.BaseAddress, credentials ?? server.RootCredentials());

    public static AmazonSecurityTokenServiceClient Sts(this TrentServer server, SigningCredentials? credentials = null) =>
        new(Aws(credentials ?? server.RootCredentials()), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = TrentServer.Region,
            MaxErrorRetry = 0,
        });

    public static AmazonKeyManagementServiceClient KmsWith(this TrentServer server, SigningCredentials credentials) =>
        new(Aws(credentials), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = TrentServer.Region,
            MaxErrorRetry = 0,
        });

    public static AWSCredentials Aws(SigningCredentials c) =>
        c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    /// <summary>Creates a user with an access key and the given inline policies (named p1, p2, ...) as the account root.</summary>
    public static async Task<(SigningCredentials Keys, string UserId, string Arn)> NewUserAsync(this TrentServer server, string userName, params string[] policies)
    {
        var calls = new List<BotoCall>
        {
            new("iam", "CreateUser", new { UserName = userName }),
            new("iam", "CreateAccessKey", new { UserName = userName }),
        };
        calls.AddRange(policies.Select((p, i) => new BotoCall("iam", "PutUserPolicy", new { UserName = userName, PolicyName = $"p{i + 1}", PolicyDocument = p })));
        var outcomes = await server.Boto().RunAsync([.. calls]);
        var user = outcomes[0].Ok.GetProperty("User");
        var key = outcomes[1].Ok.GetProperty("AccessKey");
        foreach (var outcome in outcomes.Skip(2))
        {
            _ = outcome.Ok;
        }
        return (new SigningCredentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!),
            user.GetProperty("UserId").GetString()!, user.GetProperty("Arn").GetString()!);
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static string[] Strs(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray();
}
