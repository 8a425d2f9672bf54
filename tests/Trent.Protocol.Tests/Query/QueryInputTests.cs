using System.Text.Json;
using System.Text.Json.Nodes;
using Trent.Core;
using Trent.Protocol.Query;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Tests.Query;

public sealed class QueryInputTests
{
    private static StructureShape Input(QueryService service, string operation) => service.Model.Inputs[operation]!;

    private static string Json(Dictionary<string, string> form, QueryService service, string operation)
    {
        using var document = QueryInput.ToJson(form, Input(service, operation));
        return document.RootElement.GetRawText();
    }

    /// <summary>Member order follows the model's; only the content matters.</summary>
    private static void SameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");

    [Fact]
    public void Scalars_become_JSON_of_their_member_type_and_unknown_parameters_are_dropped()
    {
        var json = Json(new()
        {
            ["Action"] = "CreateRole",
            ["RoleName"] = "r",
            ["AssumeRolePolicyDocument"] = "{}",
            ["MaxSessionDuration"] = "7200",
        }, QueryService.Iam, "CreateRole");

        SameJson("""{"RoleName":"r","AssumeRolePolicyDocument":"{}","MaxSessionDuration":7200}""", json);
    }

    [Fact]
    public void List_members_are_read_by_their_number_in_order_with_nested_structures()
    {
        var json = Json(new()
        {
            ["UserName"] = "u",
            ["Tags.member.2.Key"] = "b",
            ["Tags.member.2.Value"] = "2",
            ["Tags.member.10.Key"] = "c",
            ["Tags.member.10.Value"] = "3",
            ["Tags.member.1.Key"] = "a",
            ["Tags.member.1.Value"] = "1",
        }, QueryService.Iam, "CreateUser");

        SameJson("""{"UserName":"u","Tags":[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"},{"Key":"c","Value":"3"}]}""", json);
    }

    [Fact]
    public void An_empty_list_is_the_bare_name_with_no_value()
    {
        var json = Json(new() { ["UserName"] = "u", ["Tags"] = "" }, QueryService.Iam, "CreateUser");

        SameJson("""{"UserName":"u","Tags":[]}""", json);
    }

    [Fact]
    public void A_list_of_strings_is_an_array_of_strings()
    {
        var json = Json(new()
        {
            ["RoleArn"] = "arn:aws:iam::111122223333:role/r",
            ["RoleSessionName"] = "s",
            ["TransitiveTagKeys.member.1"] = "k1",
            ["TransitiveTagKeys.member.2"] = "k2",
        }, QueryService.Sts, "AssumeRole");

        SameJson("""{"RoleArn":"arn:aws:iam::111122223333:role/r","RoleSessionName":"s","TransitiveTagKeys":["k1","k2"]}""", json);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public void A_number_that_does_not_parse_is_refused(string value)
    {
        var e = Assert.Throws<KmsException>(() => Json(new() { ["MaxItems"] = value }, QueryService.Iam, "ListUsers"));

        Assert.Equal(KmsErrorCode.SerializationException, e.Code);
    }

    [Fact]
    public void A_list_item_not_numbered_from_one_is_refused()
    {
        var e = Assert.Throws<KmsException>(() => Json(new() { ["UserName"] = "u", ["Tags.member.0.Key"] = "k" }, QueryService.Iam, "CreateUser"));

        Assert.Equal(KmsErrorCode.SerializationException, e.Code);
    }

    [Fact]
    public void The_JSON_form_is_validated_by_the_model_with_IAMs_messages()
    {
        using var document = QueryInput.ToJson(new Dictionary<string, string> { ["UserName"] = "has space", ["MaxItems"] = "0" },
            Input(QueryService.Iam, "ListAccessKeys"));

        var e = Assert.Throws<KmsException>(() => RequestValidator.Validate(document.RootElement, Input(QueryService.Iam, "ListAccessKeys")));

        Assert.Equal(KmsErrorCode.ValidationException, e.Code);
        Assert.Equal(
            "2 validation errors detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
            "Value 'has space' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
            e.Message);
    }

    [Fact]
    public void A_missing_required_member_is_reported_as_null()
    {
        using var document = QueryInput.ToJson(new Dictionary<string, string>(), Input(QueryService.Iam, "DeleteUser"));

        var e = Assert.Throws<KmsException>(() => RequestValidator.Validate(document.RootElement, Input(QueryService.Iam, "DeleteUser")));

        Assert.Equal("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null", e.Message);
    }

    [Fact]
    public void An_operation_without_input_is_an_empty_object()
    {
        using var document = QueryInput.ToJson(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }, null);

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Empty(document.RootElement.EnumerateObject());
    }
}
