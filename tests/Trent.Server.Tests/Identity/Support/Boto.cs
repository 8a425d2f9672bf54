using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trent.Server.Tests.Identity.Support;

/// <summary>SigningCredentials to sign with; a session token for temporary (assumed-role) credentials.</summary>
public sealed record SigningCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);

/// <summary>One IAM or STS call for boto3.</summary>
public sealed record BotoCall(string Service, string Operation, object? Params = null);

/// <summary>A hand-made request that botocore signs for <paramref name="SigningName"/> and sends as it is.</summary>
public sealed record RawCall(string SigningName, string Body, IReadOnlyDictionary<string, string> Headers, string Method = "POST", string Query = "")
{
    public static RawCall Form(string signingName, string body) =>
        new(signingName, body, new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" });
}

/// <summary>What one call came to: botocore's parsed result or error, and the raw response.</summary>
public sealed record BotoOutcome(JsonElement? Result, string? ErrorCode, string? ErrorMessage, int Status, string Body, string? RequestId)
{
    public JsonElement Ok => Result ?? throw new Xunit.Sdk.XunitException($"expected success, got {Status} {ErrorCode}: {ErrorMessage}");
}

/// <summary>
/// Drives IAM and STS through boto3 (the engine of the aws CLI) in a Python process: the AWS SDK for .NET's IAM client
/// is not available here, and botocore is the client most IAM users script with.
/// </summary>
public sealed class Boto(Uri endpoint, SigningCredentials credentials, string region = "us-east-1")
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Identity", "Support", "boto_calls.py");

    public Task<IReadOnlyList<BotoOutcome>> RunAsync(params BotoCall[] calls) => RunAsync(Request(calls));

    private JsonObject Request(BotoCall[] calls) =>
        new()
        {
            ["endpoint"] = endpoint.ToString(),
            ["region"] = region,
            ["credentials"] = new JsonObject
            {
                ["id"] = credentials.AccessKeyId,
                ["secret"] = credentials.SecretAccessKey,
                ["token"] = credentials.SessionToken,
            },
            ["calls"] = new JsonArray(calls.Select(c => (JsonNode)new JsonObject
            {
                ["service"] = c.Service,
                ["operation"] = c.Operation,
                ["params"] = JsonSerializer.SerializeToNode(c.Params ?? new { }),
            }).ToArray()),
        };

    private static async Task<IReadOnlyList<BotoOutcome>> RunAsync(JsonObject request)
    {
        var start = new ProcessStartInfo("python3", [Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The runner's own AWS environment must not leak into what it signs with.
        foreach (var name in new[] { "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(request.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"boto3 runner failed: {await stderr}");
        using var outcomes = JsonDocument.Parse(await stdout);
        return outcomes.RootElement.EnumerateArray().Select(Read).ToArray();
    }

    /// <summary>Sends a hand-made request; the outcome has only the status, body and request id.</summary>
    public async Task<BotoOutcome> SendRawAsync(RawCall raw)
    {
        var request = Request([]);
        request["calls"] = new JsonArray(new JsonObject
        {
            ["raw"] = new JsonObject
            {
                ["signingName"] = raw.SigningName,
                ["body"] = raw.Body,
                ["method"] = raw.Method,
                ["query"] = raw.Query,
                ["headers"] = JsonSerializer.SerializeToNode(raw.Headers),
            },
        });
        return (await RunAsync(request))[0];
    }

    public async Task<BotoOutcome> SendAsync(string service, string operation, object? parameters = null) =>
        (await RunAsync(new BotoCall(service, operation, parameters)))[0];

    /// <summary>Calls and asserts success; returns botocore's parsed result.</summary>
    public async Task<JsonElement> CallAsync(string service, string operation, object? parameters = null) =>
        (await SendAsync(service, operation, parameters)).Ok;

    public Task<JsonElement> IamAsync(string operation, object? parameters = null) => CallAsync("iam", operation, parameters);

    /// <summary>Calls and asserts the call failed with <paramref name="code"/> and the HTTP <paramref name="status"/>.</summary>
    public async Task<BotoOutcome> FailAsync(string service, string operation, object? parameters, string code, int status)
    {
        var outcome = await SendAsync(service, operation, parameters);
        Assert.True(outcome.Result is null, $"{operation} succeeded, expected {code}");
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Equal(status, outcome.Status);
        return outcome;
    }

    public Task<BotoOutcome> IamFailAsync(string operation, object? parameters, string code, int status) =>
        FailAsync("iam", operation, parameters, code, status);

    private static BotoOutcome Read(JsonElement e)
    {
        var error = e.TryGetProperty("error", out var err) ? err : (JsonElement?)null;
        return new BotoOutcome(
            e.TryGetProperty("result", out var result) ? result.Clone() : null,
            error?.TryGetProperty("Code", out var code) == true ? code.GetString() : null,
            error?.TryGetProperty("Message", out var message) == true ? message.GetString() : null,
            e.TryGetProperty("status", out var status) ? status.GetInt32() : 0,
            e.TryGetProperty("body", out var body) ? body.GetString() ?? "" : "",
            e.TryGetProperty("requestId", out var id) ? id.GetString() : null);
    }
}
