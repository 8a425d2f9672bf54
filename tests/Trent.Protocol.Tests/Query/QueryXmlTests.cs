using System.Text;
using System.Xml.Linq;
using Trent.Protocol.Query;

namespace Trent.Protocol.Tests.Query;

public sealed class QueryXmlTests
{
    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static XElement Write(Action<QueryXml> body) =>
        XDocument.Parse(Encoding.UTF8.GetString(QueryXml.Document("TestResponse", Ns.NamespaceName, body))).Root!;

    [Fact]
    public void The_document_is_the_root_element_in_the_services_namespace_without_a_declaration()
    {
        var bytes = QueryXml.Document("TestResponse", Ns.NamespaceName, _ => { });

        Assert.Equal("""<TestResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/" />""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Lists_are_member_elements_and_null_members_are_left_out()
    {
        var root = Write(xml => xml
            .Strings("PolicyNames", ["a", "b"])
            .Element("Marker", null)
            .Element("IsTruncated", false)
            .Element("MaxSessionDuration", 3600));

        Assert.Equal(["a", "b"], root.Element(Ns + "PolicyNames")!.Elements(Ns + "member").Select(e => e.Value));
        Assert.Null(root.Element(Ns + "Marker"));
        Assert.Equal(("false", "3600"), (root.Element(Ns + "IsTruncated")!.Value, root.Element(Ns + "MaxSessionDuration")!.Value));
    }

    [Fact]
    public void Timestamps_are_ISO_8601_in_UTC_to_the_second()
    {
        var root = Write(xml => xml.Timestamp("CreateDate", new DateTimeOffset(2026, 1, 2, 4, 5, 6, 789, TimeSpan.FromHours(1))));

        Assert.Equal("2026-01-02T03:05:06Z", root.Element(Ns + "CreateDate")!.Value);
    }

    [Fact]
    public void Text_is_escaped_and_characters_XML_cannot_carry_are_replaced()
    {
        var root = Write(xml => xml.Element("Message", "a<b & \"c\" \u0001 \u2713"));

        Assert.Equal("a<b & \"c\" \uFFFD \u2713", root.Element(Ns + "Message")!.Value);
    }

    [Fact]
    public void Structures_nest()
    {
        var root = Write(xml => xml.Structure("User", u => u.Element("UserName", "app").Structure("Tags", _ => { })));

        Assert.Equal("app", root.Element(Ns + "User")!.Element(Ns + "UserName")!.Value);
    }
}
