using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>An HTTP request as the server receives it; immutable, so a test can alter one part of a signed one.</summary>
internal sealed record TestRequest(
    string Method, string Path, string Query, ImmutableList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>The instant the tests sign at, and the fake clock's default: AWS's example date.</summary>
    public static readonly DateTimeOffset SigningTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    /// <summary>A KMS request shaped as the aws CLI sends it, not yet signed.</summary>
    public static TestRequest Kms(
        string operation = "Encrypt",
        string body = """{"KeyId":"alias/app","Plaintext":"aGVsbG8="}""",
        string host = "kms.us-east-1.amazonaws.com") =>
        new(
            "POST",
            "/",
            "",
            [
                ("Host", host),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", "TrentService." + operation),
            ],
            Encoding.UTF8.GetBytes(body));

    /// <summary>An Encrypt request signed by <paramref name="key"/> (Alice by default) at <see cref="SigningTime"/>.</summary>
    public static TestRequest SignedEncrypt(TestKey? key = null) => Kms().SignedBy(key ?? TestKeys.Alice);

    public TestRequest SignedBy(TestKey key) => Signed(new Signing(key, SigningTime));

    public TestRequest Signed(Signing signing) => ReferenceSigner.Sign(this, signing);

    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public TestRequest WithHeader(string name, string value) => this with { Headers = Headers.Add((name, value)) };

    public TestRequest WithoutHeader(string name) =>
        this with { Headers = Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) };

    /// <summary>Replaces every value of the header with one (or adds it).</summary>
    public TestRequest SetHeader(string name, string value) => WithoutHeader(name).WithHeader(name, value);

    public TestRequest WithAuthorization(Func<string, string> change) =>
        SetHeader("Authorization", change(Header("Authorization") ?? ""));

    /// <summary>The canonical request Trent's verifier builds for this request, as text.</summary>
    public string CanonicalRequestAsBuiltByTheServer(string signedHeaders)
    {
        var builder = new Utf8Builder(256);
        try
        {
            CanonicalRequest.Write(ref builder, ToSigV4Request(), signedHeaders);
            return Encoding.UTF8.GetString(builder.Written);
        }
        finally
        {
            builder.Dispose();
        }
    }

    public SigV4Request ToSigV4Request()
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in Headers)
        {
            headers.Append(name, value);
        }

        return new SigV4Request(Method, Path, Query, headers, Body);
    }
}
