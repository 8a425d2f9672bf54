using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trent.Protocol.Wire;

/// <summary>AWS JSON 1.1 timestamps: epoch seconds as a JSON number, with millisecond precision.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
