using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Paging;

namespace Trent.Protocol.Query.Iam;

/// <summary>The IAM output structures several operations share, member by member as the model orders them.</summary>
internal static class IamXml
{
    public static void User(QueryXml xml, IamUser user)
    {
        // The account root (GetUser without a name) has no name or path; IAM leaves them out.
        xml.Element("Path", user.Path.Length > 0 ? user.Path : null)
            .Element("UserName", user.UserName.Length > 0 ? user.UserName : null)
            .Element("UserId", user.UserId)
            .Element("Arn", user.Arn)
            .Timestamp("CreateDate", user.CreateDate);
        Tags(xml, user.Tags);
    }

    public static void Role(QueryXml xml, IamRole role)
    {
        xml.Element("Path", role.Path)
            .Element("RoleName", role.RoleName)
            .Element("RoleId", role.RoleId)
            .Element("Arn", role.Arn)
            .Timestamp("CreateDate", role.CreateDate)
            .Element("AssumeRolePolicyDocument", PolicyDocument(role.AssumeRolePolicyDocument))
            .Element("Description", role.Description)
            .Element("MaxSessionDuration", role.MaxSessionDuration);
        Tags(xml, role.Tags);
    }

    public static void AccessKeyMetadata(QueryXml xml, AccessKeyRecord key, string? userName) => xml
        .Element("UserName", userName)
        .Element("AccessKeyId", key.AccessKeyId)
        .Element("Status", key.Status.ToString())
        .Timestamp("CreateDate", key.CreateDate);

    /// <summary>IsTruncated always, Marker when another page follows.</summary>
    public static void Paging<T>(QueryXml xml, Page<T> page) => xml
        .Element("IsTruncated", page.Truncated)
        .Element("Marker", page.NextMarker);

    /// <summary>IAM returns policy documents URL-encoded (RFC 3986); botocore decodes every policyDocumentType member.</summary>
    public static string PolicyDocument(string document) => Uri.EscapeDataString(document);

    private static void Tags(QueryXml xml, IReadOnlyList<IamTag> tags)
    {
        if (tags.Count > 0)
        {
            xml.List("Tags", tags, (x, tag) => x.Element("Key", tag.Key).Element("Value", tag.Value));
        }
    }
}
