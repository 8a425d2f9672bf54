using System.Text;
using System.Text.Json.Nodes;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Robustness;

/// <summary>One malformed or random request, and what was done to it (for the failure report).</summary>
public sealed record MalformedRequest(int Index, string Operation, string Mutation, bool SignedByRoot, WireRequest Request)
{
    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Request.Body.AsSpan(0, Math.Min(Request.Body.Length, 300)));
        return $"#{Index} {Operation} [{Mutation}] root={SignedByRoot} target={Request.Header("X-Amz-Target")} body={body}";
    }
}

/// <summary>
/// Turns valid-looking requests into malformed ones: JSON-level changes (wrong types, huge strings, deep nesting,
/// nulls, duplicates), byte-level changes (truncation, invalid UTF-8, lone surrogates, garbage) and header-level
/// changes (target, random headers, content type, Authorization). Headers stay valid HTTP, so every request
/// reaches Trent rather than Kestrel's own parser.
/// </summary>
public sealed class TrafficMutator(KmsWire wire, TrafficCorpus corpus, WireCredentials root)
{
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect", "Upgrade", "TE", "Trailer", "Keep-Alive",
    };

    public MalformedRequest Next(Random rng, int index)
    {
        var operation = RandomJson.Pick(rng, KmsModel.Implemented);
        var byRoot = rng.Next(5) == 0;
        var body = corpus.Seed(rng, operation);
        var mutations = new List<string>();
        for (var i = rng.Next(1, 3); i > 0; i--)
        {
            mutations.Add(MutateJson(rng, body));
        }
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        if (rng.Next(3) == 0)
        {
            (bytes, var what) = MutateBytes(rng, bytes);
            mutations.Add(what);
        }
        var request = wire.Unsigned(operation, bytes);
        if (rng.Next(3) == 0)
        {
            (request, var what) = MutateHeaders(rng, request);
            mutations.Add(what);
        }
        request = WireSigner.Sign(request, byRoot ? root : WireCredentials.DevUnknown, DateTimeOffset.UtcNow);
        if (!byRoot && rng.Next(8) == 0)
        {
            (request, var what) = MutateAuthorization(rng, request);
            mutations.Add(what);
        }
        return new MalformedRequest(index, operation, string.Join(", ", mutations), byRoot, request);
    }

    private static string MutateJson(Random rng, JsonObject body)
    {
        var names = body.Select(p => p.Key).ToList();
        var name = names.Count > 0 && rng.Next(4) != 0 ? RandomJson.Pick(rng, names) : RandomJson.String(rng, rng.Next(1, 10));
        switch (rng.Next(8))
        {
            case 0:
                body.Remove(name);
                return $"drop {name}";
            case 1:
                body[name] = RandomJson.String(rng, rng.Next(2_000, 50_000));
                return $"huge string {name}";
            case 2:
                var depth = rng.Next(10, 300);
                JsonNode nested = JsonValue.Create(1);
                for (var i = 0; i < depth; i++)
                {
                    nested = rng.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["n"] = nested };
                }
                body[name] = nested;
                return $"nest {depth} {name}";
            case 3:
                body[name] = null;
                return $"null {name}";
            default:
                body[name] = RandomJson.Value(rng);
                return $"random {name}";
        }
    }

    private static (byte[], string) MutateBytes(Random rng, byte[] bytes)
    {
        var at = bytes.Length == 0 ? 0 : rng.Next(bytes.Length);
        switch (rng.Next(7))
        {
            case 0:
                return (bytes[..at], $"truncate at {at}");
            case 1:
                byte[] invalid = RandomJson.Pick<byte[]>(rng, [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]);
                var quote = Array.IndexOf(bytes, (byte)'"', at);
                at = quote < 0 ? at : quote + 1;
                return ([.. bytes[..at], .. invalid, .. bytes[at..]], $"invalid UTF-8 at {at}");
            case 2:
                var q = Array.IndexOf(bytes, (byte)'"', at);
                at = q < 0 ? at : q + 1;
                var escape = Encoding.ASCII.GetBytes(RandomJson.Pick(rng, ["\\ud800", "\\udfff", "\\u0000", "\\x", "\\"]));
                return ([.. bytes[..at], .. escape, .. bytes[at..]], $"escape at {at}");
            case 3:
                if (bytes.Length > 0)
                {
                    bytes[at] = (byte)rng.Next(256);
                }
                return (bytes, $"byte at {at}");
            case 4:
                var garbage = new byte[rng.Next(0, 2000)];
                rng.NextBytes(garbage);
                return (garbage, "garbage body");
            case 5:
                return ("{\"NumberOfBytes\":8,\"NumberOfBytes\":\"8\",\"KeyId\":1,\"KeyId\":\"x\"}"u8.ToArray(), "duplicates");
            default:
                return ([], "empty body");
        }
    }

    private static (WireRequest, string) MutateHeaders(Random rng, WireRequest request)
    {
        switch (rng.Next(5))
        {
            case 0:
                return (request.WithoutHeader("X-Amz-Target"), "no target");
            case 1:
                var target = RandomJson.Pick(rng, [
                    "TrentService." + RandomJson.Pick(rng, KmsModel.Operations),
                    "TrentService." + Ascii(rng, rng.Next(0, 30)),
                    Ascii(rng, rng.Next(1, 60)),
                    "TrentService.listkeys",
                ]);
                return (request.WithHeader("X-Amz-Target", target), $"target {target}");
            case 2:
                var contentType = RandomJson.Pick(rng, ["application/json", "text/plain", "", "application/x-amz-json-1.0", Ascii(rng, 20)]);
                return (request.WithHeader("Content-Type", contentType), $"content type {contentType}");
            default:
                var name = Token(rng);
                return FramingHeaders.Contains(name)
                    ? (request, "no header change")
                    : (request.WithHeader(name, Ascii(rng, rng.Next(0, 300))), $"header {name}");
        }
    }

    private static (WireRequest, string) MutateAuthorization(Random rng, WireRequest request)
    {
        var authorization = request.Header("Authorization")!;
        var changed = rng.Next(6) switch
        {
            0 => Ascii(rng, rng.Next(0, 200)),
            1 => "AWS4-HMAC-SHA256 " + Ascii(rng, rng.Next(0, 200)),
            2 => authorization[..rng.Next(authorization.Length)],
            3 => authorization.Replace("/us-east-1/", "/" + Ascii(rng, 8) + "/", StringComparison.Ordinal),
            4 => authorization.Replace("Credential=", "Credential=" + Ascii(rng, 5), StringComparison.Ordinal),
            _ => authorization + ", Signature=" + Ascii(rng, 64),
        };
        var dated = rng.Next(4) == 0 ? request.WithHeader("X-Amz-Date", Ascii(rng, 16)) : request;
        return (dated.WithHeader("Authorization", changed.Trim()), "garbage Authorization");
    }

    /// <summary>Printable ASCII: what an HTTP header value may hold.</summary>
    private static string Ascii(Random rng, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)rng.Next(0x21, 0x7F))]);

    private static string Token(Random rng) =>
        new([.. Enumerable.Range(0, rng.Next(1, 16)).Select(_ => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"[rng.Next(63)])]);
}
