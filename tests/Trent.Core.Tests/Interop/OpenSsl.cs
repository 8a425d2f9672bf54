using System.Security.Cryptography;

namespace Trent.Core.Tests.Interop;

/// <summary>The openssl command line (OpenSSL 3.0 here) in a scratch directory of PEM and binary files.</summary>
internal sealed class OpenSsl : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trent-openssl-").FullName;

    public string PublicKey(byte[] spki) => Write("pub.pem", PemEncoding.WriteString("PUBLIC KEY", spki));

    public string PrivateKey(byte[] pkcs8) => Write("key.pem", PemEncoding.WriteString("PRIVATE KEY", pkcs8));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_directory, name);

    public byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Runs openssl; the command must succeed.</summary>
    public string Run(params string[] arguments)
    {
        var result = Try(arguments);
        Assert.True(result.ExitCode == 0, result.Describe("openssl " + string.Join(' ', arguments)));
        return result.Stdout;
    }

    /// <summary>Runs openssl and returns its result, success or not (for verifications that may fail).</summary>
    public ExternalTool.Result Try(params string[] arguments) =>
        ExternalTool.Run("openssl", "OpenSSL (apt-get install openssl)", _directory, arguments);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
