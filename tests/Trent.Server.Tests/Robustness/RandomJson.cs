using System.Text;
using System.Text.Json.Nodes;

namespace Trent.Server.Tests.Robustness;

/// <summary>Random JSON values and strings for the malformed-traffic test: every type, extremes, odd Unicode.</summary>
public static class RandomJson
{
    private static readonly string[] Alphabets =
    [
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "ABCXYZ:/_-.+=@ ,;'\"\\{}[]",
        "\u00e9\u00ff\u00a0\u0100\u20ac\u4e2d\u6587\u0663",
        "\u0000\u0001\u0008\t\n\r\u001f\u007f",
        "\ud83d\ude00\ud83d\udd11",
    ];

    public static JsonNode? Value(Random rng, int depth = 0) => rng.Next(depth > 3 ? 8 : 10) switch
    {
        0 => null,
        1 => rng.Next(2) == 0,
        2 => Pick(rng, [0, -1, 1, int.MaxValue, int.MinValue, 1024, 1025, 90, 365, 366]),
        3 => JsonValue.Create(Pick(rng, [long.MaxValue, long.MinValue, 4294967296L, -4294967297L])),
        4 => JsonValue.Create(Pick(rng, [1.5, -0.0, 1e308, -1e308, 5e-324, 1700000000.123])),
        5 or 6 => String(rng, rng.Next(8) == 0 ? rng.Next(200, 3000) : rng.Next(0, 40)),
        7 => Pick(rng, ["SYMMETRIC_DEFAULT", "AES_256", "ENCRYPT_DECRYPT", "default", "alias/fuzz", "AAAA", "====", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
        8 => new JsonArray([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Value(rng, depth + 1))]),
        _ => Object(rng, depth + 1),
    };

    public static JsonObject Object(Random rng, int depth)
    {
        var obj = new JsonObject();
        for (var i = rng.Next(0, 4); i > 0; i--)
        {
            obj[String(rng, rng.Next(1, 12))] = Value(rng, depth);
        }
        return obj;
    }

    public static string String(Random rng, int length)
    {
        var alphabet = Alphabets[rng.Next(Alphabets.Length)];
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var c = alphabet[rng.Next(alphabet.Length)];
            text.Append(c);
            if (char.IsHighSurrogate(c))
            {
                text.Append('\ude00');
            }
        }
        return text.ToString();
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
