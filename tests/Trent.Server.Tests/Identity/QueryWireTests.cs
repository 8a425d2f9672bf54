using System.Net;
using System.Text;
using System.Xml.Linq;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Identity;

/// <summary>The Query protocol on the wire: XML envelopes, namespaces, request ids, and errors before and after authentication.</summary>
public sealed class QueryWireTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private static readonly XNamespace Iam = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Fact]
    public async Task A_response_is_the_operations_XML_envelope_carrying_the_request_id_of_the_header()
    {
        var outcome = await fixture.Root.SendAsync("iam", "CreateUser", new { UserName = IdentityServer.Unique("wire") });

        var root = XDocument.Parse(outcome.Body).Root!;
        Assert.Equal(Iam + "CreateUserResponse", root.Name);
        Assert.Equal([Iam + "CreateUserResult", Iam + "ResponseMetadata"], root.Elements().Select(e => e.Name));
        Assert.Equal(outcome.RequestId, root.Element(Iam + "ResponseMetadata")!.Element(Iam + "RequestId")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", root.Descendants(Iam + "CreateDate").Single().Value);
    }

    [Fact]
    public async Task An_operation_without_output_answers_with_only_the_response_metadata()
    {
        var name = IdentityServer.Unique("wire");
        await fixture.Root.IamAsync("CreateUser", new { UserName = name });

        var outcome = await fixture.Root.SendAsync("iam", "DeleteUser", new { UserName = name });

        var root = XDocument.Parse(outcome.Body).Root!;
        Assert.Equal(Iam + "DeleteUserResponse", root.Name);
        Assert.Equal([Iam + "ResponseMetadata"], root.Elements().Select(e => e.Name));
    }

    [Fact]
    public async Task An_error_is_an_ErrorResponse_with_type_code_message_and_the_request_id()
    {
        var outcome = await fixture.Root.SendAsync("iam", "GetUser", new { UserName = "nobody" });

        var root = XDocument.Parse(outcome.Body).Root!;
        Assert.Equal(Iam + "ErrorResponse", root.Name);
        var error = root.Element(Iam + "Error")!;
        Assert.Equal(("Sender", "NoSuchEntity", "The user with name nobody cannot be found."),
            (error.Element(Iam + "Type")!.Value, error.Element(Iam + "Code")!.Value, error.Element(Iam + "Message")!.Value));
        Assert.Equal(outcome.RequestId, root.Element(Iam + "RequestId")!.Value);
    }

    [Fact]
    public async Task An_unsigned_form_request_returns_MissingAuthenticationToken_in_XML()
    {
        using var http = new HttpClient();
        using var content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(fixture.Server.BaseAddress, content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("MissingAuthenticationToken", root.Element(Sts + "Error")!.Element(Sts + "Code")!.Value);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), root.Element(Sts + "RequestId")!.Value);
    }

    [Fact]
    public async Task A_form_request_signed_for_kms_returns_SignatureDoesNotMatch()
    {
        var outcome = await fixture.Root.SendRawAsync(RawCall.Form("kms", "Action=GetCallerIdentity&Version=2011-06-15"));

        Assert.Equal(403, outcome.Status);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("Credential should be scoped to correct service: 'iam'", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_KMS_request_signed_for_iam_is_refused_by_KMS()
    {
        var outcome = await fixture.Root.SendRawAsync(new RawCall("iam", "{}", new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-amz-json-1.1",
            ["X-Amz-Target"] = "TrentService.ListKeys",
        }));

        Assert.Equal(400, outcome.Status);
        Assert.Contains("InvalidSignatureException", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IAM_action_signed_for_sts_returns_InvalidAction()
    {
        var outcome = await fixture.Root.SendRawAsync(RawCall.Form("sts", "Action=ListUsers&Version=2010-05-08"));

        Assert.Equal(400, outcome.Status);
        Assert.Contains("<Code>InvalidAction</Code><Message>Could not find operation ListUsers for version 2011-06-15</Message>", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IAM_operation_Trent_does_not_implement_returns_InvalidAction_naming_it()
    {
        var outcome = await fixture.Root.SendAsync("iam", "CreateGroup", new { GroupName = "g" });

        Assert.Equal(("InvalidAction", 400), (outcome.ErrorCode, outcome.Status));
        Assert.Equal("Trent does not implement the IAM CreateGroup operation.", outcome.ErrorMessage);
    }

    [Fact]
    public async Task A_GET_request_with_the_action_in_the_query_string_is_served()
    {
        var outcome = await fixture.Root.SendRawAsync(new RawCall("sts", "", new Dictionary<string, string>(), "GET", "?Action=GetCallerIdentity&Version=2011-06-15"));

        Assert.Equal(200, outcome.Status);
        Assert.Contains($"<Arn>arn:aws:iam::{fixture.Account}:root</Arn>", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_given_twice_is_refused()
    {
        var outcome = await fixture.Root.SendRawAsync(RawCall.Form("iam", "Action=GetUser&Version=2010-05-08&UserName=a&UserName=b"));

        Assert.Equal(400, outcome.Status);
        Assert.Contains("<Code>ValidationError</Code>", outcome.Body, StringComparison.Ordinal);
    }
}
