namespace Trent.Bench.Signing;

/// <summary>An access key pair to sign with.</summary>
public sealed record Credentials(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>What moto and the ceiling are signed with: both accept any well-formed key.</summary>
    public static readonly Credentials Dummy = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    /// <summary>Reads the first key pair of an AWS credentials file (Trent writes <c>root-credentials</c> in that format).</summary>
    public static Credentials ReadFile(string path)
    {
        string? id = null, secret = null;
        foreach (var line in File.ReadAllLines(path))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var name = line[..at].Trim();
            var value = line[(at + 1)..].Trim();
            if (name == "aws_access_key_id")
            {
                id ??= value;
            }
            else if (name == "aws_secret_access_key")
            {
                secret ??= value;
            }
        }
        return id is not null && secret is not null
            ? new Credentials(id, secret)
            : throw new InvalidDataException($"{path} holds no aws_access_key_id / aws_secret_access_key pair.");
    }
}
