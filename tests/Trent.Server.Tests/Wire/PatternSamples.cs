namespace Trent.Server.Tests.Wire;

/// <summary>Values for one model pattern: a valid one, a character that keeps it valid when repeated, values it refuses.</summary>
/// <param name="Invalid">Each breaks the pattern the way Java's <c>matches()</c> sees it (ASCII <c>\w</c>, no trailing newline).</param>
public sealed record PatternSample(string Valid, char Pad, bool MatchesEmpty, IReadOnlyList<string> Invalid);

/// <summary>Samples for every pattern implemented operations use; a new pattern fails the constraint tests until added here.</summary>
public static class PatternSamples
{
    private static readonly Dictionary<string, PatternSample> Samples = new(StringComparer.Ordinal)
    {
        ["^[a-zA-Z0-9:/_-]+$"] = new("alias/sample", 'a', false, ["alias/has space", "alias/new\n", "alias/caf\u00e9", "alias/semi;colon"]),
        ["[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"] = new("{}", ' ', false, ["{\"Sid\":\"\u20ac\"}", "{}\u0000", "{\u000B}"]),
        ["^[a-zA-Z0-9-_.]+$"] = new("xks-key_1.0", 'a', false, ["has space", "slash/no", "line\n"]),
        ["[\\w]+"] = new("default", 'd', false, ["has-dash", "caf\u00e9", "default\n", "\u0663"]),
        ["[\\u0020-\\u00FF]*"] = new("marker", 'm', true, ["\u0100", "tab\there", "new\nline"]),
        ["^[\\w+=,.@:/-]+$"] = new("arn:aws:iam::111122223333:root", 'a', false, ["has space", "caf\u00e9", "arn:aws:iam::111122223333:root\n", "semi;colon"]),
    };

    public static PatternSample For(string pattern) =>
        Samples.TryGetValue(pattern, out var sample)
            ? sample
            : throw new InvalidOperationException($"No samples for the model pattern {pattern}; add them to {nameof(PatternSamples)}.");
}
