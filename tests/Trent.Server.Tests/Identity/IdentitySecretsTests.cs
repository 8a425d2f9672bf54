using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Identity;

/// <summary>Secrets of access keys and sessions leave Trent once, in their creating response, and never in the log.</summary>
public sealed class IdentitySecretsTests
{
    [Fact]
    public async Task Access_key_secrets_and_session_tokens_never_reach_the_log()
    {
        var log = new CapturedLog();
        await using var server = await TrentServer.StartAsync(log: log);
        var (keys, _, userArn) = await server.NewUserAsync("app");
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"}]}""";
        var roleArn = (await server.Boto().IamAsync("CreateRole", new { RoleName = "r", AssumeRolePolicyDocument = trust })).GetProperty("Role").Str("Arn");
        using var sts = server.Sts(keys);
        var session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "session" })).Credentials;
        var sessionCredentials = new SigningCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);
        using var asSession = server.Sts(sessionCredentials);
        await asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        // Refusals log too: a wrong secret and a tampered token.
        using var wrong = server.Sts(sessionCredentials with { SecretAccessKey = keys.SecretAccessKey });
        await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => wrong.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        await server.Boto(keys).FailAsync("iam", "ListUsers", null, "AccessDenied", 403);

        var text = log.AllText;
        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(keys.SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SessionToken[..40], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_holds_access_key_secrets_only_sealed()
    {
        string dataDir;
        SigningCredentials keys;
        await using (var server = await TrentServer.StartAsync())
        {
            (keys, _, _) = await server.NewUserAsync("app");
            dataDir = server.DataDir;
            var bytes = await ReadDatabaseAsync(dataDir);
            Assert.False(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(keys.SecretAccessKey)));
            Assert.True(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(keys.AccessKeyId)));
        }
    }

    private static async Task<byte[]> ReadDatabaseAsync(string dataDir)
    {
        var all = new List<byte>();
        foreach (var file in Directory.GetFiles(dataDir, "trent.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            all.AddRange(copy.ToArray());
        }
        return [.. all];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
