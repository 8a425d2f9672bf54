using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Hosting;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// A call over TLS carries CloudTrail's tlsDetails: the protocol version, the cipher suite and the Host the client sent.
/// Serving TLS at all needs a certificate, and a missing or unreadable one stops the start with a clear error.
/// </summary>
public sealed class TlsRecordTests
{
    [Fact]
    public async Task A_call_over_TLS_is_recorded_with_its_tls_details()
    {
        var directory = Directory.CreateTempSubdirectory("trent-tls-").FullName;
        using var certificate = SelfSigned();
        var certificateFile = Path.Combine(directory, "cert.pem");
        var keyFile = Path.Combine(directory, "key.pem");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await using var server = await TrentServer.StartAsync(tls: (certificateFile, keyFile));
        using var kms = new AmazonKeyManagementServiceClient(
            new BasicAWSCredentials(server.Root.AccessKeyId, server.Root.SecretAccessKey),
            new AmazonKeyManagementServiceConfig
            {
                ServiceURL = server.BaseAddress.ToString(),
                AuthenticationRegion = TrentServer.Region,
                MaxErrorRetry = 0,
                HttpClientFactory = new Trusting(certificate.Thumbprint),
            });

        var listed = await kms.ListKeysAsync(new ListKeysRequest());

        Assert.Equal("https", server.BaseAddress.Scheme);
        var tls = Trail.Single(server.AuditDirectory, listed.ResponseMetadata.RequestId).GetProperty("tlsDetails");
        Assert.True(tls.Text("tlsVersion") is "TLSv1.2" or "TLSv1.3", tls.Text("tlsVersion"));
        Assert.StartsWith("TLS_", tls.Text("cipherSuite"), StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{server.BaseAddress.Port}", tls.Text("clientProvidedHostHeader"));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "trent-missing-" + Guid.NewGuid().ToString("N"));

        var refused = await Assert.ThrowsAsync<StartupException>(() => TrentServer.StartAsync(tls: (missing + ".pem", missing + ".key")));

        Assert.Contains($"The TLS certificate {missing}.pem cannot be loaded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_https_URL_without_a_certificate_stops_the_start_with_a_clear_error()
    {
        var options = new TrentOptions { Urls = "http://127.0.0.1:0;https://127.0.0.1:0", DataDir = Path.Combine(Path.GetTempPath(), "trent-test-" + Guid.NewGuid().ToString("N")) };

        var refused = await Assert.ThrowsAsync<StartupException>(() => TrentHost.StartAsync(options));

        Assert.Contains("asks for https, but no certificate was given", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.DataDir));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>The SDK's HTTP client, trusting exactly the test's self-signed certificate.</summary>
    private sealed class Trusting(string thumbprint) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && c.Thumbprint == thumbprint },
        });

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
