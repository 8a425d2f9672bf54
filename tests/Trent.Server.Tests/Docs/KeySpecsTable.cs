using System.Text;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Server.Tests.Docs;

/// <summary>The README's key-spec compatibility table, generated from Trent's KeySpecTable and AlgorithmRules.</summary>
public static class KeySpecsTable
{
    public const string Start = "<!-- keyspecs:start -->";
    public const string End = "<!-- keyspecs:end -->";

    /// <summary>Every (spec, usage) row of the table, in KeySpec order and the spec's usage order.</summary>
    public static IEnumerable<(KeySpec Spec, KeyUsage Usage, IReadOnlyList<string> Algorithms)> Rows() =>
        KeySpecTable.All.SelectMany(entry => entry.Usages.Select(usage => (entry.Spec, usage, Algorithms(entry.Spec, usage))));

    /// <summary>The algorithms a key of the spec and usage lists, as DescribeKey reports them.</summary>
    public static IReadOnlyList<string> Algorithms(KeySpec spec, KeyUsage usage)
    {
        var (encryption, signing, mac, agreement) = KeySpecTable.AlgorithmsFor(spec, usage);
        return [.. encryption, .. signing, .. mac, .. agreement];
    }

    /// <summary>The block from the start marker to the end marker, inclusive, as it should read.</summary>
    public static string Block()
    {
        var block = new StringBuilder().Append(Start).Append('\n')
            .Append("| KeySpec | KeyUsage | Algorithms |\n")
            .Append("|---|---|---|\n");
        foreach (var (spec, usage, algorithms) in Rows())
        {
            block.Append("| ").Append(spec).Append(" | ").Append(usage).Append(" | ")
                .Append(string.Join(", ", algorithms.Select(a => usage == KeyUsage.SIGN_VERIFY ? $"{a} ({string.Join(", ", MessageTypes(a))})" : a)))
                .Append(" |\n");
        }
        return block
            .Append('\n')
            .Append("Signing algorithms list the MessageTypes they accept. SM2 keys and SM2 data key pairs exist only in the China ")
            .Append("Regions (cn-north-1, cn-northwest-1, ARNs in the aws-cn partition), as in AWS, unless the server runs with ")
            .Append("`--sm2-everywhere`. GenerateDataKeyPair offers every asymmetric spec but ML-DSA.\n")
            .Append(End).ToString();
    }

    /// <summary>The MessageTypes a signing algorithm accepts.</summary>
    public static IEnumerable<MessageType> MessageTypes(string algorithm) =>
        Enum.GetValues<MessageType>().Where(t => AlgorithmRules.Accepts(Enum.Parse<SigningAlgorithm>(algorithm), t));

    /// <summary>The block as the document has it; null when the markers are missing.</summary>
    public static string? Current(string document)
    {
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : document[start..(end + End.Length)];
    }

    /// <summary>The document with its block replaced by <paramref name="block"/>.</summary>
    public static string Replace(string document, string block) =>
        Current(document) is { } current
            ? document.Replace(current, block, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The document has no {Start} ... {End} block.");
}
