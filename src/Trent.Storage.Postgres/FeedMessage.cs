using System.Globalization;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// A notification on the schema's channel, as text: <c>c|node|seq|changes</c> (a write's changes), <c>a|node|origin|seq</c>
/// (node applied origin's write seq) or <c>p|node|seq</c> (a probe a node sends itself). Fields are percent-escaped, so
/// no identifier can break the framing.
/// </summary>
internal sealed record FeedMessage(FeedMessageKind Kind, string Node, string? Origin, long Sequence, IReadOnlyList<StoreChange> Changes)
{
    public static string ForChanges(string node, long sequence, IReadOnlyList<StoreChange> changes) =>
        $"c|{node}|{Number(sequence)}|{string.Join(';', changes.Select(Encode))}";

    public static string ForAck(string node, string origin, long sequence) => $"a|{node}|{origin}|{Number(sequence)}";

    public static string ForProbe(string node, long sequence) => $"p|{node}|{Number(sequence)}";

    /// <summary>Parses a payload; null for one this version does not know (a newer node's), which is ignored.</summary>
    public static FeedMessage? Parse(string payload)
    {
        var parts = payload.Split('|');
        // The sequence is the last field, but for changes, which carry their list after it.
        var sequenceAt = parts.Length - (parts[0] == "c" ? 2 : 1);
        if (sequenceAt < 1 || !long.TryParse(parts[sequenceAt], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return null;
        }
        return (parts[0], parts.Length) switch
        {
            ("c", 4) => new FeedMessage(FeedMessageKind.Changes, parts[1], null, sequence, DecodeAll(parts[3])),
            ("a", 4) => new FeedMessage(FeedMessageKind.Ack, parts[1], parts[2], sequence, []),
            ("p", 3) => new FeedMessage(FeedMessageKind.Probe, parts[1], null, sequence, []),
            _ => null,
        };
    }

    private static string Encode(StoreChange change) => change switch
    {
        StoreChange.Key(var arn) => Join("K", arn.AccountId, arn.Region, arn.KeyId),
        StoreChange.Aliases(var account, var region) => Join("A", account, region),
        StoreChange.Grants(var arn) => Join("G", arn.AccountId, arn.Region, arn.KeyId),
        StoreChange.AccessKey(var id) => Join("X", id),
        StoreChange.IdentityPolicies(var kind, var owner) => Join(kind == PolicyOwnerKind.User ? "U" : "R", owner),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a known store change."),
    };

    private static IReadOnlyList<StoreChange> DecodeAll(string text) =>
        text.Length == 0 ? [] : text.Split(';').Select(Decode).OfType<StoreChange>().ToList();

    private static StoreChange? Decode(string text)
    {
        var f = text.Split(',').Select(Uri.UnescapeDataString).ToArray();
        return (f[0], f.Length) switch
        {
            ("K", 4) => new StoreChange.Key(new KeyArn(f[1], f[2], f[3])),
            ("A", 3) => new StoreChange.Aliases(f[1], f[2]),
            ("G", 4) => new StoreChange.Grants(new KeyArn(f[1], f[2], f[3])),
            ("X", 2) => new StoreChange.AccessKey(f[1]),
            ("U", 2) => new StoreChange.IdentityPolicies(PolicyOwnerKind.User, f[1]),
            ("R", 2) => new StoreChange.IdentityPolicies(PolicyOwnerKind.Role, f[1]),
            _ => null,
        };
    }

    private static string Join(params string[] fields) => string.Join(',', fields.Select(Uri.EscapeDataString));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

internal enum FeedMessageKind
{
    Changes,
    Ack,
    Probe,
}
