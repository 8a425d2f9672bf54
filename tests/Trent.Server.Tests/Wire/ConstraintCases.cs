using System.Globalization;
using System.Text.Json.Nodes;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// Generates, from the model alone, a violating request for every constraint of every member of an operation's
/// input (required, length, range, pattern, enum; nested structures and list members included), with the exact
/// ValidationException lines AWS prints for it. A constraint kind it does not know stops generation with an error,
/// so nothing in the model goes untested silently.
/// </summary>
public static class ConstraintCases
{
    private const string NotAnEnumValue = "NOT_A_VALID_VALUE";

    public static IReadOnlyList<ConstraintCase> For(string operation)
    {
        var cases = Structure(operation, KmsModel.Input(operation), null, s => s).ToList();
        if (Combined(operation, cases) is { } combined)
        {
            cases.Add(combined);
        }
        return cases;
    }

    private static IEnumerable<ConstraintCase> Structure(string op, StructureShape shape, string? path, Func<JsonObject, JsonObject> place)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path is null ? member.MessageName : $"{path}.{member.MessageName}";
            JsonObject With(JsonNode? value)
            {
                var structure = ValidValues.Structure(shape);
                structure.Remove(member.Name);
                if (value is not null)
                {
                    structure[member.Name] = value;
                }
                return place(structure);
            }
            if (member.Required)
            {
                yield return new(op, $"{memberPath} missing", With(null), [$"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null"]);
            }
            foreach (var c in Violations(op, member.Shape, memberPath, With))
            {
                yield return c;
            }
        }
    }

    private static IEnumerable<ConstraintCase> Violations(string op, Shape shape, string path, Func<JsonNode, JsonObject> place)
    {
        switch (shape)
        {
            case StructureShape s:
                return Structure(op, s, path, place);
            case StringShape s:
                return Strings(s, path).Select(v => new ConstraintCase(op, v.Description, place(v.Value), v.Errors));
            case BlobShape b:
                return Blobs(b, path).Select(v => new ConstraintCase(op, v.Description, place(v.Value), v.Errors));
            case NumberShape n:
                return Numbers(n, path).Select(v => new ConstraintCase(op, v.Description, place(v.Value), v.Errors));
            case ListShape l:
                return Lists(op, l, path, place);
            case MapShape m when m.Min is null && m.Max is null && Unconstrained(m.Key) && Unconstrained(m.Value):
            case BooleanShape or TimestampShape or DoubleShape:
                return [];
            default:
                throw new NotSupportedException($"{path}: no violations are generated for {shape.Name}; extend {nameof(ConstraintCases)}.");
        }
    }

    private static IEnumerable<(string Description, JsonNode Value, string[] Errors)> Strings(StringShape s, string path)
    {
        string Value(string v) => s.Sensitive ? "Value" : $"Value '{v}'";
        string PatternLine(string v) =>
            $"{Value(v)} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {s.PatternText}";
        if (s.Enum is { } values)
        {
            yield return ($"{path} not in its enum", NotAnEnumValue,
                [$"{Value(NotAnEnumValue)} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]"]);
        }
        var sample = s.PatternText is { } pattern ? PatternSamples.For(pattern) : null;
        if (s.Min is > 0 and var min)
        {
            var shortValue = new string(ValidValues.Pad(s), (int)min - 1);
            var line = $"{Value(shortValue)} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}";
            yield return ($"{path} shorter than {min}", shortValue,
                sample is null || (shortValue.Length == 0 && sample.MatchesEmpty) ? [line] : [line, PatternLine(shortValue)]);
        }
        if (s.Max is { } max)
        {
            var valid = ValidValues.String(s);
            var longValue = valid + new string(ValidValues.Pad(s), (int)max + 1 - valid.Length);
            yield return ($"{path} longer than {max}", longValue,
                [$"{Value(longValue)} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"]);
        }
        foreach (var invalid in sample?.Invalid ?? [])
        {
            yield return ($"{path} is {Escape(invalid)}", invalid, [PatternLine(invalid)]);
        }
    }

    private static IEnumerable<(string Description, JsonNode Value, string[] Errors)> Blobs(BlobShape b, string path)
    {
        // AWS prints no value for blobs, sensitive or not.
        if (b.Min is > 0 and var min)
        {
            yield return ($"{path} shorter than {min}", Convert.ToBase64String(new byte[min - 1]),
                [$"Value at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"]);
        }
        if (b.Max is { } max)
        {
            yield return ($"{path} longer than {max}", Convert.ToBase64String(new byte[max + 1]),
                [$"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"]);
        }
    }

    private static IEnumerable<(string Description, JsonNode Value, string[] Errors)> Numbers(NumberShape n, string path)
    {
        if (n.Min is { } min)
        {
            yield return ($"{path} below {min}", min - 1,
                [Invariant($"Value '{min - 1}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}")]);
        }
        if (n.Max is { } max)
        {
            yield return ($"{path} above {max}", max + 1,
                [Invariant($"Value '{max + 1}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}")]);
        }
    }

    private static IEnumerable<ConstraintCase> Lists(string op, ListShape l, string path, Func<JsonNode, JsonObject> place)
    {
        if (l.Min is > 0 and var min)
        {
            var items = Enumerable.Range(0, (int)min - 1).Select(_ => ValidValues.For(l.Member)).ToArray();
            yield return new(op, $"{path} with fewer than {min} members", place(new JsonArray(items)),
                [$"Value '{ListText(l, items.Length)}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"]);
        }
        if (l.Max is { } max)
        {
            var items = Enumerable.Range(0, (int)max + 1).Select(_ => ValidValues.For(l.Member)).ToArray();
            yield return new(op, $"{path} with more than {max} members", place(new JsonArray(items)),
                [$"Value '{ListText(l, items.Length)}' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"]);
        }
        foreach (var c in Violations(op, l.Member, $"{path}.1.member", item => place(new JsonArray(item))))
        {
            yield return c;
        }
    }

    /// <summary>Java's List.toString of a list of valid string members: <c>[a, a, a]</c>.</summary>
    private static string ListText(ListShape l, int count) => l.Member is StringShape s
        ? $"[{string.Join(", ", Enumerable.Repeat(ValidValues.String(s), count))}]"
        : throw new NotSupportedException($"A length violation of a list of {l.Member.Name} is not generated yet.");

    /// <summary>One request breaking one constraint of each of several top-level members at once.</summary>
    private static ConstraintCase? Combined(string op, List<ConstraintCase> cases)
    {
        var input = KmsModel.Input(op);
        var body = ValidValues.Structure(input);
        var errors = new List<string>();
        foreach (var member in input.Members)
        {
            var first = cases.FirstOrDefault(c => c.Errors.Count == 1 && c.Errors[0].Contains($" at '{member.MessageName}' ", StringComparison.Ordinal));
            if (first is null)
            {
                continue;
            }
            body.Remove(member.Name);
            if (first.Body[member.Name] is { } value)
            {
                body[member.Name] = value.DeepClone();
            }
            errors.Add(first.Errors[0]);
        }
        return errors.Count >= 2 ? new ConstraintCase(op, $"{errors.Count} members violated at once", body, errors) : null;
    }

    private static bool Unconstrained(Shape shape) =>
        shape is StringShape { Min: null, Max: null, PatternText: null, Enum: null };

    private static string Escape(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
