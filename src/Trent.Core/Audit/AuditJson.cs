using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trent.Core.Audit;

/// <summary>Source-generated serialization of audit records: camelCase as CloudTrail, nulls left out unless marked.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class AuditJson : JsonSerializerContext;
