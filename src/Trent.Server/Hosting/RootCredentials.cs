using System.Globalization;

namespace Trent.Server.Hosting;

/// <summary>An account root's access key pair, as written once to <c>root-credentials</c>.</summary>
public sealed record RootCredentials(string AccountId, string AccessKeyId, string SecretAccessKey)
{
    public const string ProfileName = "trent";

    /// <summary>The AWS shared credentials file format, under the <c>trent</c> profile (or another).</summary>
    public string ToCredentialsFile(string profile = ProfileName) => string.Create(CultureInfo.InvariantCulture,
        $"# Trent account {AccountId} root credentials\n[{profile}]\naws_access_key_id = {AccessKeyId}\naws_secret_access_key = {SecretAccessKey}\n");

    /// <summary>Reads a credentials file written by <see cref="ToCredentialsFile"/>.</summary>
    public static RootCredentials Read(string path)
    {
        string? account = null, id = null, secret = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("# Trent account ", StringComparison.Ordinal))
            {
                account = line["# Trent account ".Length..].Split(' ')[0];
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }
            var (name, value) = (line[..eq].Trim(), line[(eq + 1)..].Trim());
            if (name == "aws_access_key_id")
            {
                id = value;
            }
            else if (name == "aws_secret_access_key")
            {
                secret = value;
            }
        }
        return account is not null && id is not null && secret is not null
            ? new RootCredentials(account, id, secret)
            : throw new StartupException($"{path} is not a Trent root credentials file.");
    }
}
