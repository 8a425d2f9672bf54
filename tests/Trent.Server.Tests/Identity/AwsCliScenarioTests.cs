using System.Diagnostics;
using System.Text.Json;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Identity;

/// <summary>The scenario with the real aws CLI: the root makes a user with a key and a policy; the user asks who it is.</summary>
public sealed class AwsCliScenarioTests
{
    private static async Task<JsonElement> AwsAsync(Uri endpoint, (string Id, string Secret) credentials, params string[] args)
    {
        var start = new ProcessStartInfo("aws", [.. args, "--endpoint-url", endpoint.ToString(), "--output", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.Id;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.Secret;
        start.Environment["AWS_DEFAULT_REGION"] = "eu-west-3";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)}: {await stderr}");
        var text = await stdout;
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_root_creates_a_user_with_a_key_and_a_policy_and_the_user_sees_itself_in_get_caller_identity()
    {
        await using var server = await TrentServer.StartAsync();
        var root = (server.Root.AccessKeyId, server.Root.SecretAccessKey);
        var policyFile = Path.Combine(server.DataDir, "p.json");
        await File.WriteAllTextAsync(policyFile, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}""");

        var user = (await AwsAsync(server.BaseAddress, root, "iam", "create-user", "--user-name", "app")).GetProperty("User");
        var key = (await AwsAsync(server.BaseAddress, root, "iam", "create-access-key", "--user-name", "app")).GetProperty("AccessKey");
        await AwsAsync(server.BaseAddress, root, "iam", "put-user-policy", "--user-name", "app", "--policy-name", "kms-use", "--policy-document", $"file://{policyFile}");
        var app = (key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
        var me = await AwsAsync(server.BaseAddress, app, "sts", "get-caller-identity");

        Assert.Equal(server.Root.AccountId, me.GetProperty("Account").GetString());
        Assert.Equal(user.GetProperty("UserId").GetString(), me.GetProperty("UserId").GetString());
        Assert.Equal($"arn:aws:iam::{server.Root.AccountId}:user/app", me.GetProperty("Arn").GetString());
        var policy = await AwsAsync(server.BaseAddress, root, "iam", "get-user-policy", "--user-name", "app", "--policy-name", "kms-use");
        Assert.Equal("kms:Encrypt", policy.GetProperty("PolicyDocument").GetProperty("Statement")[0].GetProperty("Action").GetString());
    }
}
