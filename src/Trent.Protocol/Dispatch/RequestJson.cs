using System.Text.Json;
using System.Text.Unicode;
using Trent.Core;

namespace Trent.Protocol.Dispatch;

/// <summary>
/// Parses a request body into a JSON document every string of which can be read: anything else is the client's
/// SerializationException here, rather than an exception on first read deep inside validation or an operation.
/// </summary>
public static class RequestJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return JsonDocument.Parse("{}");
        }
        // The parser checks structure, not the bytes inside strings.
        if (!Utf8.IsValid(body.Span))
        {
            throw Serialization("The request body is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw Serialization("The request body is not valid JSON.");
        }
        try
        {
            // Without a backslash there is no escape to check, and the second pass over the body is skipped.
            if (body.Span.Contains((byte)'\\'))
            {
                RejectUnreadableEscapes(body.Span);
            }
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>An escape may name a lone UTF-16 surrogate (<c>"\ud800"</c>), which is no text; reading it throws.</summary>
    private static void RejectUnreadableEscapes(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw Serialization("The request body escapes a character that is not valid Unicode.");
                }
            }
        }
    }

    private static KmsException Serialization(string message) => new(KmsErrorCode.SerializationException, message);
}
