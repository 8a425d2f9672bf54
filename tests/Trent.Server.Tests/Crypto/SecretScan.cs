using System.Text;

namespace Trent.Server.Tests.Crypto;

/// <summary>
/// Secrets a test planted (plaintexts, data keys, key material) and a search for them, raw and in the encodings a
/// careless writer would use (base64, hex, UTF-16 for text), in every file of a directory and in captured log text.
/// </summary>
public sealed class SecretScan
{
    private readonly List<(string Name, byte[] Bytes)> _secrets = [];

    public int Count => _secrets.Count;

    public void Add(string name, byte[] secret) => _secrets.Add((name, secret.ToArray()));

    public void AddText(string name, string secret)
    {
        Add(name, Encoding.UTF8.GetBytes(secret));
        _secrets.Add((name + " (UTF-16)", Encoding.Unicode.GetBytes(secret)));
    }

    /// <summary>Every "file: secret" where a planted secret appears in a file under <paramref name="directory"/>.</summary>
    public List<string> FindInFiles(string directory, out int filesScanned)
    {
        var found = new List<string>();
        filesScanned = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var content = ReadShared(file);
            filesScanned++;
            foreach (var (name, needle) in Needles())
            {
                if (content.AsSpan().IndexOf(needle) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)}: {name}");
                }
            }
        }
        return found;
    }

    /// <summary>Every secret that appears in <paramref name="text"/>, in any encoding.</summary>
    public List<string> FindInText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Needles().Where(n => bytes.AsSpan().IndexOf(n.Bytes) >= 0).Select(n => n.Name).ToList();
    }

    /// <summary>True when <paramref name="marker"/> appears in some file: proof that the scan reads what it should.</summary>
    public static bool AppearsInFiles(string directory, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Any(f => ReadShared(f).AsSpan().IndexOf(needle) >= 0);
    }

    private IEnumerable<(string Name, byte[] Bytes)> Needles()
    {
        foreach (var (name, secret) in _secrets)
        {
            yield return (name, secret);
            yield return (name + " as base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
            yield return (name + " as hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(secret)));
            yield return (name + " as HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(secret)));
        }
    }

    // The server keeps the database, its -wal and -shm open; read them without disturbing it.
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
