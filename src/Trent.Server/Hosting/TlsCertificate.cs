using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Trent.Server.Hosting;

/// <summary>The certificate <c>https://</c> URLs serve, read once at start so that a bad file stops the start with a clear error.</summary>
public static class TlsCertificate
{
    /// <summary>The configured certificate; null when none is (then no URL may be https).</summary>
    public static X509Certificate2? For(TrentOptions options)
    {
        if (options.TlsCertificateFile is { } certificateFile)
        {
            return Load(certificateFile, options.TlsKeyFile);
        }
        if (options.Urls.Split(';').Any(url => url.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new StartupException($"--urls {options.Urls} asks for https, but no certificate was given (--tls-cert, TRENT_TLS_CERT).");
        }
        return null;
    }

    /// <param name="keyFile">The PEM private key; null when it is in <paramref name="certificateFile"/> too.</param>
    private static X509Certificate2 Load(string certificateFile, string? keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new StartupException($"The TLS certificate {certificateFile} cannot be loaded: {e.Message}");
        }
    }
}
