using Trent.Core.Crypto;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Wire;

/// <summary>An unexpected failure answers 500 KMSInternalException with a generic text; the detail goes to the log only.</summary>
public sealed class InternalErrorTests
{
    private const string Canary = "canary-internal-detail-7f3a";
    private const int FailingSize = 777;

    [Fact]
    public async Task An_internal_failure_answers_500_with_only_a_generic_message_and_the_request_id()
    {
        await using var server = await TrentServer.StartAsync(dev: true, random: new FailingRandom());
        var wire = new KmsWire(server.BaseAddress);

        var response = await wire.SendAsync("GenerateRandom", $$"""{"NumberOfBytes":{{FailingSize}}}""");

        var requestId = response.Header("x-amzn-RequestId");
        Assert.Equal($"An internal error occurred. Request id: {requestId}", response.AssertError("KMSInternalException", 500));
        Assert.DoesNotContain(Canary, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), response.Text, StringComparison.Ordinal);
        Assert.Contains(server.Log.Lines, line => line.Contains(requestId!, StringComparison.Ordinal) && line.Contains(Canary, StringComparison.Ordinal));
        Assert.Equal(200, (await wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8}""")).Status);
    }

    /// <summary>The system's randomness, except that filling exactly <see cref="FailingSize"/> bytes throws.</summary>
    private sealed class FailingRandom : IRandomSource
    {
        public void Fill(Span<byte> buffer)
        {
            if (buffer.Length == FailingSize)
            {
                throw new InvalidOperationException(Canary);
            }
            SystemRandomSource.Instance.Fill(buffer);
        }
    }
}
