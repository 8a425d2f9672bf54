using System.Text;
using System.Text.Unicode;
using Trent.Core;

namespace Trent.Protocol.Query;

/// <summary>
/// The parameters of an AWS Query request: <c>application/x-www-form-urlencoded</c> pairs from the body, and from the
/// query string (which AWS also accepts). Names are case-sensitive, as AWS's are.
/// </summary>
public static class FormParameters
{
    public static IReadOnlyDictionary<string, string> Parse(string rawQuery, ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            throw Malformed("The request body is not valid UTF-8.");
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(parameters, rawQuery);
        Add(parameters, Encoding.UTF8.GetString(body));
        return parameters;
    }

    private static void Add(Dictionary<string, string> parameters, string form)
    {
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            // One value per name: a repeated name would leave validation and the operation to disagree on which counts.
            if (!parameters.TryAdd(name, value))
            {
                throw Malformed($"The parameter {name} is given more than once.");
            }
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static KmsException Malformed(string message) => new(KmsErrorCode.SerializationException, message);
}
