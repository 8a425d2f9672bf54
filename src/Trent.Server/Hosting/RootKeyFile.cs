using Trent.Core.Crypto;

namespace Trent.Server.Hosting;

/// <summary>
/// The root key as a file: 32 random bytes, base64 on one line, mode 0600. Created on first start; a node that
/// shares a database with others is given the same file (or the key through TRENT_ROOT_KEY).
/// </summary>
public static class RootKeyFile
{
    public const string EnvironmentVariable = "TRENT_ROOT_KEY";

    /// <summary>Loads the root key from the environment or the file, creating the file when neither exists.</summary>
    public static RootKey LoadOrCreate(string path, IRandomSource random, out bool created)
    {
        created = false;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Decode(fromEnvironment.Trim(), $"the {EnvironmentVariable} environment variable");
        }
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), path);
        }
        var key = RootKey.Generate(random);
        try
        {
            SecureFile.WriteNew(path, Convert.ToBase64String(key) + "\n");
            created = true;
            return new RootKey(key);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }

    private static RootKey Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new StartupException($"The root key in {source} is not base64.");
        }
        try
        {
            return key.Length == RootKey.Size
                ? new RootKey(key)
                : throw new StartupException($"The root key in {source} is {key.Length} bytes; a root key is {RootKey.Size} bytes.");
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }
}
