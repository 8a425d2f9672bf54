using System.Text;
using System.Text.Json.Nodes;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>Bodies that are not the operation's JSON shape answer SerializationException; absent and unknown members are tolerated.</summary>
public sealed class SerializationTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> MalformedJson =>
    [
        "{",
        """{"NumberOfBytes":}""",
        """{"NumberOfBytes":8,}""",
        """{"NumberOfBytes":8} {}""",
        """{'NumberOfBytes':8}""",
        """{NumberOfBytes:8}""",
        """{"NumberOfBytes":8 /* comment */}""",
        """{"NumberOfBytes":08}""",
        """{"NumberOfBytes":NaN}""",
        "\uFEFF{\"NumberOfBytes\":8",
        new string('[', 1000),
        "{\"X\":" + new string('[', 200) + new string(']', 200) + "}",
    ];

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task Malformed_JSON_answers_SerializationException(string body) =>
        (await fx.Wire.SendAsync("GenerateRandom", body)).AssertError("SerializationException");

    [Theory]
    [InlineData("[]")]
    [InlineData("\"NumberOfBytes\"")]
    [InlineData("8")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task A_body_that_is_not_a_JSON_object_answers_SerializationException(string body) =>
        (await fx.Wire.SendAsync("GenerateRandom", body)).AssertError("SerializationException");

    public static TheoryData<string> Implemented => KmsModel.Theory(KmsModel.Implemented);

    [Theory]
    [MemberData(nameof(Implemented))]
    public async Task A_member_of_the_wrong_JSON_type_answers_SerializationException(string operation)
    {
        var input = KmsModel.Input(operation);
        var failures = new StringBuilder();
        foreach (var member in input.Members)
        {
            foreach (var wrong in WrongTypes(member.Shape))
            {
                var body = ValidValues.Structure(input);
                body[member.Name] = wrong;
                var response = await fx.Wire.SendAsync(operation, body.ToJsonString());
                if (response.Status != 400 || response.Type != "SerializationException")
                {
                    failures.AppendLine($"{member.Name} = {wrong.ToJsonString()}: {response}");
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Theory]
    [InlineData("!!!!")]
    [InlineData("AAA")]
    [InlineData("-_8=")]
    [InlineData("AA=A")]
    [InlineData("A")]
    public async Task Invalid_base64_in_a_blob_answers_SerializationException(string blob) =>
        (await fx.Wire.SendAsync("Encrypt", $$"""{"KeyId":"alias/any","Plaintext":"{{blob}}"}""")).AssertError("SerializationException");

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    public async Task Invalid_UTF_8_in_a_string_answers_SerializationException(byte[] bytes)
    {
        byte[] body = [.. "{\"KeyId\":\"alias/any\",\"Plaintext\":\"AA==\",\"EncryptionContext\":{\"k\":\""u8, .. bytes, .. "\"}}"u8];

        (await fx.Wire.SendAsync(fx.Wire.Request("Encrypt", body))).AssertError("SerializationException");
    }

    [Theory]
    [InlineData("""{"KeyId":"\ud800"}""")]
    [InlineData("""{"KeyId":"alias/x","GrantTokens":["\udc00"]}""")]
    public async Task A_string_escaping_a_lone_surrogate_answers_SerializationException(string body) =>
        (await fx.Wire.SendAsync("DescribeKey", body)).AssertError("SerializationException");

    [Fact]
    public async Task A_map_key_escaping_a_lone_surrogate_answers_SerializationException() =>
        (await fx.Wire.SendAsync("Encrypt", """{"KeyId":"alias/x","Plaintext":"AA==","EncryptionContext":{"\ud800":"v"}}""")).AssertError("SerializationException");

    [Fact]
    public async Task Unknown_members_are_ignored()
    {
        var response = await fx.Wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8,"Unknown":{"Nested":[1,"two",null]},"numberOfBytes":"x"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal(8, response.Json.GetProperty("Plaintext").GetBytesFromBase64().Length);
    }

    [Fact]
    public async Task A_null_member_counts_as_absent()
    {
        var optional = await fx.Wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8,"CustomKeyStoreId":null,"Recipient":null}""");
        var required = await fx.Wire.SendAsync("DescribeKey", """{"KeyId":null,"GrantTokens":null}""");

        Assert.Equal(200, optional.Status);
        Assert.Equal(
            "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
            required.AssertError("ValidationException"));
    }

    [Theory]
    [InlineData("CreateKey", """{"Tags":[null]}""", "tags.1.member")]
    [InlineData("Encrypt", """{"KeyId":"alias/x","Plaintext":"AA==","GrantTokens":["t",null]}""", "grantTokens.2.member")]
    [InlineData("Encrypt", """{"KeyId":"alias/x","Plaintext":"AA==","EncryptionContext":{"k":null}}""", "encryptionContext.value")]
    public async Task A_null_inside_a_list_or_map_answers_a_validation_error(string operation, string body, string path) =>
        Assert.Equal(
            $"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null",
            (await fx.Wire.SendAsync(operation, body)).AssertError("ValidationException"));

    /// <summary>JSON values of every type the shape is not.</summary>
    private static IEnumerable<JsonNode> WrongTypes(Shape shape)
    {
        JsonNode[] all = [JsonValue.Create("text"), JsonValue.Create(7), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonObject()];
        return shape switch
        {
            StringShape or BlobShape => all.Where(n => n.GetValueKind() != System.Text.Json.JsonValueKind.String),
            NumberShape => [.. all.Where(n => n.GetValueKind() != System.Text.Json.JsonValueKind.Number), JsonValue.Create(1.5), JsonValue.Create(1e20)],
            BooleanShape => all.Where(n => n.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)),
            TimestampShape or DoubleShape => all.Where(n => n.GetValueKind() != System.Text.Json.JsonValueKind.Number),
            ListShape => all.Where(n => n is not JsonArray),
            StructureShape or MapShape => all.Where(n => n is not JsonObject),
            _ => throw new NotSupportedException(shape.Name),
        };
    }
}
