using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Trent.Server.Tests.Wire;

/// <summary>What every answer carries, success or error: a UUID request id and the AWS JSON 1.1 content type.</summary>
public sealed class ResponseEnvelopeTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    // Not a constant: the SDK's analyzer refuses out-of-range literals at compile time.
    private static readonly int TooManyBytes = 1025;

    public static TheoryData<string, string, string, int> Requests => new()
    {
        { "success", "GenerateRandom", """{"NumberOfBytes":8}""", 200 },
        { "validation error", "GenerateRandom", """{"NumberOfBytes":0}""", 400 },
        { "serialization error", "GenerateRandom", "{", 400 },
        { "unknown operation", "NoSuchOperation", "{}", 400 },
        { "unsupported operation", "Sign", "{}", 400 },
        { "not found", "DescribeKey", """{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""", 400 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_answer_carries_a_UUID_request_id_and_the_JSON_1_1_content_type(string what, string operation, string body, int status)
    {
        var response = await fx.Wire.SendAsync(operation, body);

        Assert.True(response.Status == status, $"{what}: {response}");
        Assert.True(Guid.TryParse(response.Header("x-amzn-RequestId"), out _), $"{what}: request id '{response.Header("x-amzn-RequestId")}'");
        Assert.Equal(KmsWire.ContentType, response.Header("Content-Type"));
    }

    [Fact]
    public async Task Unauthenticated_and_oversized_requests_also_carry_a_request_id()
    {
        var unsigned = await fx.Wire.SendAsync(fx.Wire.Unsigned("ListKeys", "{}"u8.ToArray()));
        var oversized = await fx.Wire.SendAsync(fx.Wire.Request("ListKeys", new byte[(1024 * 1024) + 1]));

        Assert.All([unsigned, oversized], r => Assert.True(Guid.TryParse(r.Header("x-amzn-RequestId"), out _), r.ToString()));
        Assert.All([unsigned, oversized], r => Assert.Equal(KmsWire.ContentType, r.Header("Content-Type")));
    }

    [Fact]
    public async Task Each_request_gets_its_own_request_id()
    {
        var ids = new HashSet<string?>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await fx.Wire.SendAsync("ListKeys", "{}")).Header("x-amzn-RequestId"));
        }

        Assert.Equal(5, ids.Count);
    }

    [Fact]
    public async Task The_SDK_reports_the_request_id_the_server_sent_on_success_and_on_error()
    {
        var (kms, traffic) = SdkTraffic.Recording(fx.Server, fx.Root);
        using (kms)
        {
            var success = await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 16 });
            var error = await Assert.ThrowsAsync<NotFoundException>(() =>
                kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab" }));

            Assert.Equal([success.ResponseMetadata.RequestId, error.RequestId], traffic.ResponseRequestIds);
            Assert.All(traffic.ResponseRequestIds, id => Assert.True(Guid.TryParse(id, out _)));
        }
    }

    [Fact]
    public async Task The_SDK_reads_the_error_code_and_message_of_a_front_end_error()
    {
        using var kms = fx.Server.Kms();

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = TooManyBytes }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(
            "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
            error.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }
}
