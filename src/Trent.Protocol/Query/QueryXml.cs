using System.Globalization;
using System.Text;
using System.Xml;

namespace Trent.Protocol.Query;

/// <summary>
/// Writes the XML of Query protocol responses as botocore and the AWS SDKs parse it: elements named as the model's
/// members, lists as <c>member</c> elements, timestamps ISO 8601 in UTC, booleans <c>true</c>/<c>false</c>.
/// </summary>
public sealed class QueryXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
    };

    private readonly XmlWriter _xml;

    private QueryXml(XmlWriter xml) => _xml = xml;

    /// <summary>The whole document: <c>&lt;{root} xmlns=...&gt;</c>, what <paramref name="body"/> writes, then the request id.</summary>
    public static byte[] Document(string root, string xmlNamespace, Action<QueryXml> body)
    {
        using var stream = new MemoryStream(512);
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartElement(root, xmlNamespace);
            body(new QueryXml(xml));
            xml.WriteEndElement();
        }
        var bytes = stream.ToArray();
        // The stream may hold a secret (CreateAccessKey, AssumeRole); the caller wipes the returned copy after writing.
        Array.Clear(stream.GetBuffer());
        return bytes;
    }

    public QueryXml Element(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteElementString(name, Clean(value));
        }
        return this;
    }

    public QueryXml Element(string name, int value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryXml Element(string name, bool value) => Element(name, value ? "true" : "false");

    public QueryXml Timestamp(string name, DateTimeOffset value) =>
        Element(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public QueryXml Structure(string name, Action<QueryXml> members)
    {
        _xml.WriteStartElement(name);
        members(this);
        _xml.WriteEndElement();
        return this;
    }

    public QueryXml List<T>(string name, IEnumerable<T> items, Action<QueryXml, T> member)
    {
        _xml.WriteStartElement(name);
        foreach (var item in items)
        {
            _xml.WriteStartElement("member");
            member(this, item);
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        return this;
    }

    public QueryXml Strings(string name, IEnumerable<string> items) => List(name, items, (xml, item) => xml.Text(item));

    private void Text(string value) => _xml.WriteString(Clean(value));

    /// <summary>
    /// XML 1.0 cannot carry most control characters even escaped; an error message may echo one from a request, so it
    /// is replaced rather than making the response unwritable.
    /// </summary>
    private static string Clean(string value)
    {
        foreach (var c in value)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Create(value.Length, value, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = XmlConvert.IsXmlChar(source[i]) || char.IsSurrogate(source[i]) ? source[i] : '\uFFFD';
                    }
                });
            }
        }
        return value;
    }
}
