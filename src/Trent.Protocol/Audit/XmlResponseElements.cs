using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Trent.Core.Audit;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Audit;

/// <summary>
/// responseElements of an IAM or STS call, read back from the XML result Trent wrote and shaped by the model the same way
/// as KMS's: camelCase members, sensitive members (secret access keys) and credentials (session tokens) left out.
/// Only create-style calls log a response, so this cold path parses the little XML it is given.
/// </summary>
internal static class XmlResponseElements
{
    public static RawJson? From(byte[] xml, string action, StructureShape shape, FrozenSet<string> members)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml));
        var result = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == $"{action}Result");
        return result is null
            ? null
            : AuditJsonBuffer.Write((result, shape, members), static (writer, s) => WriteStructure(writer, s.result, s.shape, s.members));
    }

    private static bool WriteStructure(Utf8JsonWriter writer, XElement element, StructureShape shape, FrozenSet<string>? only)
    {
        var started = false;
        foreach (var child in element.Elements())
        {
            if (!shape.ByName.TryGetValue(child.Name.LocalName, out var member) || !AuditParameters.Loggable(member)
                || (only is not null && !only.Contains(member.Name)))
            {
                continue;
            }
            if (!started)
            {
                writer.WriteStartObject();
                started = true;
            }
            writer.WritePropertyName(member.MessageName);
            WriteValue(writer, child, member.Shape);
        }
        if (started)
        {
            writer.WriteEndObject();
        }
        return started;
    }

    private static void WriteValue(Utf8JsonWriter writer, XElement element, Shape shape)
    {
        switch (shape)
        {
            case StructureShape structure:
                if (!WriteStructure(writer, element, structure, only: null))
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                break;
            case ListShape list:
                writer.WriteStartArray();
                foreach (var item in element.Elements().Where(e => e.Name.LocalName == "member"))
                {
                    WriteValue(writer, item, list.Member);
                }
                writer.WriteEndArray();
                break;
            case TimestampShape when DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                writer.WriteStringValue(AuditParameters.CloudTrailDate(date));
                break;
            case NumberShape when long.TryParse(element.Value, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case BooleanShape:
                writer.WriteBooleanValue(element.Value == "true");
                break;
            default:
                writer.WriteStringValue(element.Value);
                break;
        }
    }
}
