using System.Diagnostics;
using Amazon.SecurityToken.Model;
using Trent.Server.Hosting;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Identity;

/// <summary><c>trent account create</c>, run as the real executable on a data directory a server is using.</summary>
public sealed class AccountCommandTests
{
    private static readonly string Trent = Path.Combine(AppContext.BaseDirectory, "trent.dll");

    /// <summary>Runs <c>trent</c> with the arguments; returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunTrentAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Trent, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("TRENT_ROOT_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Creates the account with the executable and returns its root credentials, read from the file it wrote.</summary>
    public static async Task<SigningCredentials> CreateAccountAsync(string dataDir, string accountId)
    {
        var (exit, _, stderr) = await RunTrentAsync("account", "create", "--data-dir", dataDir, "--account-id", accountId);
        Assert.True(exit == 0, stderr);
        var written = RootCredentials.Read(Path.Combine(dataDir, $"credentials-{accountId}"));
        return new SigningCredentials(written.AccessKeyId, written.SecretAccessKey);
    }

    [Fact]
    public async Task Account_create_writes_the_new_roots_credentials_once_and_they_sign_as_that_account()
    {
        await using var server = await TrentServer.StartAsync();

        var (exit, stdout, _) = await RunTrentAsync("account", "create", "--data-dir", server.DataDir, "--account-id", "444455556666");

        Assert.Equal(0, exit);
        var path = Path.Combine(server.DataDir, "credentials-444455556666");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var file = await File.ReadAllTextAsync(path);
        Assert.Contains("[trent-444455556666]", file, StringComparison.Ordinal);
        var written = RootCredentials.Read(path);
        Assert.Contains($"aws_access_key_id     = {written.AccessKeyId}", stdout, StringComparison.Ordinal);
        Assert.Contains($"aws_secret_access_key = {written.SecretAccessKey}", stdout, StringComparison.Ordinal);
        using var sts = server.Sts(new SigningCredentials(written.AccessKeyId, written.SecretAccessKey));
        var me = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(("444455556666", "444455556666", "arn:aws:iam::444455556666:root"), (me.Account, me.UserId, me.Arn));
    }

    [Fact]
    public async Task Account_create_without_an_id_picks_an_unused_twelve_digit_one()
    {
        await using var server = await TrentServer.StartAsync();

        var (exit, stdout, _) = await RunTrentAsync("account", "create", "--data-dir", server.DataDir);

        Assert.Equal(0, exit);
        var id = System.Text.RegularExpressions.Regex.Match(stdout, @"Created account (\d+)\.").Groups[1].Value;
        Assert.Matches("^[1-9][0-9]{11}$", id);
        Assert.NotEqual(server.Root.AccountId, id);
        Assert.True(File.Exists(Path.Combine(server.DataDir, $"credentials-{id}")));
    }

    [Fact]
    public async Task Account_create_of_an_existing_account_fails_and_changes_nothing()
    {
        await using var server = await TrentServer.StartAsync();

        var (exit, stdout, stderr) = await RunTrentAsync("account", "create", "--data-dir", server.DataDir, "--account-id", server.Root.AccountId);

        Assert.Equal(2, exit);
        Assert.Contains($"Account {server.Root.AccountId} already exists.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_secret_access_key", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(server.DataDir, $"credentials-{server.Root.AccountId}")));
    }

    [Fact]
    public async Task Account_create_on_a_directory_trent_never_initialized_fails_without_creating_anything()
    {
        var dir = Path.Combine(Path.GetTempPath(), "trent-test-" + Guid.NewGuid().ToString("N"));

        var (exit, _, stderr) = await RunTrentAsync("account", "create", "--data-dir", dir);

        Assert.Equal(2, exit);
        Assert.Contains("is not an initialized Trent data directory", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Account_create_refuses_an_id_that_is_not_twelve_digits()
    {
        var (exit, _, stderr) = await RunTrentAsync("account", "create", "--data-dir", "/nonexistent", "--account-id", "12345");

        Assert.NotEqual(0, exit);
        Assert.Contains("--account-id must be 12 digits, not '12345'.", stderr, StringComparison.Ordinal);
    }
}
