using System.Text;
using System.Text.Json;
using Trent.Bench.Http;
using Trent.Bench.Signing;

namespace Trent.Bench.Workload;

/// <summary>A single signed KMS call, for setup and probes: signed now, answered as text.</summary>
public static class KmsCall
{
    public static async Task<(int Status, string Body)> SendAsync(HttpConnection connection, SigV4Signer signer, string operation, string body)
    {
        var response = await connection.SendAsync(signer.Sign(operation, Encoding.UTF8.GetBytes(body), DateTime.UtcNow));
        return (response.Status, Encoding.UTF8.GetString(response.Body.Span));
    }

    /// <summary>The AWS error type of an error body (<c>__type</c>, namespace stripped), or the start of the body.</summary>
    public static string ErrorType(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("__type", out var type))
            {
                var name = type.GetString() ?? "";
                var message = json.RootElement.TryGetProperty("message", out var m) || json.RootElement.TryGetProperty("Message", out m) ? m.GetString() : null;
                return $"{status} {name[(name.LastIndexOf('#') + 1)..]}{(message is null ? "" : ": " + message)}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: moto answers unknown operations with an HTML or plain-text page.
        }
        return $"{status} {(body.Length > 160 ? body[..160] + "..." : body)}";
    }

    /// <summary>
    /// Whether an error says the server does not have the operation (Trent's UnsupportedOperationException, moto's
    /// NotImplementedError) rather than that the request failed: such a cell is reported as n/a, not as errors.
    /// </summary>
    public static bool IsUnsupported(int status, string body) =>
        status == 501 || body.Contains("UnsupportedOperation", StringComparison.Ordinal) ||
        body.Contains("NotImplemented", StringComparison.Ordinal) || body.Contains("not yet implemented", StringComparison.OrdinalIgnoreCase);

    public static string ReadString(string json, string property, string? nested = null)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        if (nested is not null)
        {
            element = element.GetProperty(nested);
        }
        return element.GetProperty(property).GetString() ?? throw new InvalidDataException($"{property} is null in {json}");
    }
}
