using Microsoft.AspNetCore.Http;

namespace Trent.Protocol.Query;

/// <summary>
/// Writes a Query protocol error:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
/// </summary>
public static class QueryErrorWriter
{
    public const string ContentType = "text/xml";

    public static async Task WriteAsync(HttpResponse response, QueryService service, QueryError error, string requestId)
    {
        var body = QueryXml.Document("ErrorResponse", service.XmlNamespace, xml => xml
            .Structure("Error", e => e.Element("Type", error.Type).Element("Code", error.Code).Element("Message", error.Message))
            .Element("RequestId", requestId));
        response.StatusCode = error.Status;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
