using System.Text;
using Trent.Protocol.Dispatch;

namespace Trent.Server.Tests.Wire;

/// <summary>The 1 MiB body cap: at the cap a request is processed; above it a clear 413, after which the server keeps serving.</summary>
public sealed class BodySizeTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    private const int Limit = RequestPipeline.MaxBodyBytes;

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_processed()
    {
        var response = await fx.Wire.SendAsync(fx.Wire.Request("GenerateRandom", Padded(Limit)));

        Assert.True(response.Status == 200, response.ToString());
        Assert.Equal(8, response.Json.GetProperty("Plaintext").GetBytesFromBase64().Length);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_answers_413_and_the_server_keeps_serving()
    {
        var response = await fx.Wire.SendAsync(fx.Wire.Request("GenerateRandom", Padded(Limit + 1)));

        Assert.Equal(
            $"The request body exceeds the maximum size of {Limit} bytes.",
            response.AssertError("RequestEntityTooLargeException", 413));
        Assert.Equal(200, (await fx.Wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8}""")).Status);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_answers_413_and_the_server_keeps_serving()
    {
        var body = Padded(3 * Limit);
        var request = fx.Wire.Request("GenerateRandom", body) with { ContentLength = false };
        request = request.WithHeader("Transfer-Encoding", "chunked") with
        {
            Body = [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8],
        };

        (await fx.Wire.SendAsync(request)).AssertError("RequestEntityTooLargeException", 413);
        Assert.Equal(200, (await fx.Wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8}""")).Status);
    }

    [Fact]
    public async Task A_declared_length_far_over_the_limit_is_refused_before_the_body_arrives()
    {
        var request = fx.Wire.Request("GenerateRandom", """{"NumberOfBytes":8}""").WithHeader("Content-Length", "10000000000");

        (await fx.Wire.SendAsync(request)).AssertError("RequestEntityTooLargeException", 413);
    }

    [Fact]
    public async Task A_body_shorter_than_its_declared_length_answers_a_client_error_not_an_internal_one()
    {
        // The client stops sending; Kestrel gives up on the body after its minimum data rate grace period (5 s).
        var request = fx.Wire.Request("GenerateRandom", """{"NumberOfBytes":8}""").WithHeader("Content-Length", "100");

        var response = await fx.Wire.SendAsync(request, TimeSpan.FromSeconds(20));

        Assert.StartsWith("The request body could not be read: ", response.AssertError("SerializationException"), StringComparison.Ordinal);
        Assert.DoesNotContain(fx.Server.Log.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(response.Header("x-amzn-RequestId")!, StringComparison.Ordinal));
    }

    /// <summary>A valid GenerateRandom body padded with an unknown member to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(int size)
    {
        var head = """{"NumberOfBytes":8,"Padding":" """.TrimEnd();
        const string tail = "\"}";
        return Encoding.ASCII.GetBytes(head + new string('x', size - head.Length - tail.Length) + tail);
    }
}
