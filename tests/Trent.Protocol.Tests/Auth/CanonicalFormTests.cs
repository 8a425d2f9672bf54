using System.Text;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Canonical URI and query string forms that botocore never sends but other clients or proxies may.</summary>
public sealed class CanonicalFormTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("//", "/")]
    [InlineData("/a/.", "/a")]
    [InlineData("/a/b/../../..", "/")]
    [InlineData("/a%2Fb", "/a%252Fb")]
    [InlineData("/caf\u00e9", "/caf%C3%A9")]
    [InlineData("/a b+c", "/a%20b%2Bc")]
    public void A_path_is_normalized_then_encoded_again(string rawPath, string canonical) =>
        Assert.Equal(canonical, Build((ref b) => UriEncoding.AppendCanonicalPath(ref b, rawPath)));

    [Theory]
    [InlineData("a=x+y", "a=x%20y")]
    [InlineData("a=x%2By", "a=x%2By")]
    [InlineData("a=%2f%7e%41", "a=%2F~A")]
    [InlineData("a=%zz&b=%", "a=%25zz&b=%25")]
    [InlineData("a=%e2%82", "a=%E2%82")]
    [InlineData("\u1234=\u00e9", "%E1%88%B4=%C3%A9")]
    [InlineData("a=1&&b=2&", "a=1&b=2")]
    [InlineData("b&a=", "a=&b=")]
    [InlineData("a=1=2", "a=1%3D2")]
    [InlineData("a=2&a=10&A=3", "A=3&a=10&a=2")]
    [InlineData("%C3%A9=1&z=2&Z=3", "%C3%A9=1&Z=3&z=2")]
    public void A_query_is_decoded_then_encoded_and_sorted(string rawQuery, string canonical) =>
        Assert.Equal(canonical, Build((ref b) => UriEncoding.AppendCanonicalQuery(ref b, rawQuery)));

    [Fact]
    public void A_long_query_value_is_canonicalized_past_the_stack_buffer()
    {
        var value = new string('\u00e9', 1000);

        var canonical = Build((ref b) => UriEncoding.AppendCanonicalQuery(ref b, "v=" + value));

        Assert.Equal("v=" + string.Concat(Enumerable.Repeat("%C3%A9", 1000)), canonical);
    }

    [Fact]
    public void Header_values_are_trimmed_and_blank_runs_collapsed_and_repeats_joined_by_commas()
    {
        var request = new TestRequest(
            "POST", "/", "", [("X-A", " \t one  \t two \t "), ("x-a", "three"), ("Host", "h")], []);

        var canonical = request.CanonicalRequestAsBuiltByTheServer("host;x-a");

        Assert.Contains("\nhost:h\nx-a:one two,three\n\nhost;x-a\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canonical_request_larger_than_the_initial_buffer_is_built_whole()
    {
        var big = new string('v', 5000);
        var request = new TestRequest("POST", "/", "", [("Host", "h"), ("X-Big", big)], []);

        var canonical = request.CanonicalRequestAsBuiltByTheServer("host;x-big");

        Assert.Contains("\nx-big:" + big + "\n", canonical, StringComparison.Ordinal);
        Assert.EndsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical, StringComparison.Ordinal);
    }

    private delegate void Writer(ref Utf8Builder builder);

    private static string Build(Writer write)
    {
        var builder = new Utf8Builder(16);
        try
        {
            write(ref builder);
            return Encoding.UTF8.GetString(builder.Written);
        }
        finally
        {
            builder.Dispose();
        }
    }
}
