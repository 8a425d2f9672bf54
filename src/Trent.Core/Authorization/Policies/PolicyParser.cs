using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trent.Core.Authorization.Policies;

/// <summary>Parses and validates a policy document once, so evaluation never sees malformed input.</summary>
internal static partial class PolicyParser
{
    private static readonly HashSet<string> TopLevel = ["Version", "Id", "Statement"];
    private static readonly HashSet<string> StatementElements =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    public static PolicyDocument Parse(string json, PolicyKind kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new MalformedPolicyException("The policy document is not valid JSON.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedPolicyException("The policy document must be a JSON object.");
            }
            var elements = Elements(root, TopLevel, "policy");
            var version = "2008-10-17";
            if (elements.TryGetValue("Version", out var v))
            {
                version = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                if (version is not ("2012-10-17" or "2008-10-17"))
                {
                    throw new MalformedPolicyException($"The policy Version '{version}' is not valid; use 2012-10-17.");
                }
            }
            string? id = null;
            if (elements.TryGetValue("Id", out var idElement))
            {
                id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : throw new MalformedPolicyException("The policy Id must be a string.");
            }
            if (!elements.TryGetValue("Statement", out var statementElement))
            {
                throw new MalformedPolicyException("The policy document must contain a Statement.");
            }
            var statements = statementElement.ValueKind switch
            {
                JsonValueKind.Object => [statementElement],
                JsonValueKind.Array => statementElement.EnumerateArray().ToList(),
                _ => throw new MalformedPolicyException("The policy Statement must be an object or a list of objects."),
            };
            if (statements.Count == 0)
            {
                throw new MalformedPolicyException("The policy document must contain at least one Statement.");
            }
            var parsed = statements.Select((s, i) => ParseStatement(s, i, kind)).ToList();
            return new PolicyDocument(version, id, parsed, kind);
        }
    }

    private static PolicyStatement ParseStatement(JsonElement statement, int index, PolicyKind kind)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedPolicyException("Each policy statement must be a JSON object.");
        }
        var e = Elements(statement, StatementElements, "statement");
        string? sid = null;
        if (e.TryGetValue("Sid", out var sidElement))
        {
            sid = sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : throw new MalformedPolicyException("A statement Sid must be a string.");
        }
        if (!e.TryGetValue("Effect", out var effectElement) || effectElement.ValueKind != JsonValueKind.String)
        {
            throw new MalformedPolicyException("Each policy statement must contain an Effect of Allow or Deny.");
        }
        var effect = effectElement.GetString() switch
        {
            "Allow" => Effect.Allow,
            "Deny" => Effect.Deny,
            var other => throw new MalformedPolicyException($"Invalid Effect '{other}': it must be Allow or Deny."),
        };
        Exclusive(e, "Principal", "NotPrincipal");
        Exclusive(e, "Action", "NotAction");
        Exclusive(e, "Resource", "NotResource");
        var principal = e.TryGetValue("Principal", out var p) ? ParsePrincipal(p) : null;
        var notPrincipal = e.TryGetValue("NotPrincipal", out var np) ? ParsePrincipal(np) : null;
        if (kind == PolicyKind.IdentityPolicy && (principal is not null || notPrincipal is not null))
        {
            throw new MalformedPolicyException("An identity-based policy must not contain a Principal or NotPrincipal element.");
        }
        if (kind != PolicyKind.IdentityPolicy && principal is null && notPrincipal is null)
        {
            throw new MalformedPolicyException("Policy contains a statement with no principal.");
        }
        return new PolicyStatement(
            index,
            sid,
            effect,
            principal,
            notPrincipal,
            e.TryGetValue("Action", out var a) ? Actions(a) : null,
            e.TryGetValue("NotAction", out var na) ? Actions(na) : null,
            e.TryGetValue("Resource", out var r) ? Strings(r, "Resource") : null,
            e.TryGetValue("NotResource", out var nr) ? Strings(nr, "NotResource") : null,
            e.TryGetValue("Condition", out var c) ? Conditions(c) : []);
    }

    private static Dictionary<string, JsonElement> Elements(JsonElement obj, HashSet<string> allowed, string where)
    {
        var elements = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new MalformedPolicyException($"The {where} contains an unknown element '{property.Name}'.");
            }
            if (!elements.TryAdd(property.Name, property.Value))
            {
                throw new MalformedPolicyException($"The {where} contains the element '{property.Name}' more than once.");
            }
        }
        return elements;
    }

    private static void Exclusive(Dictionary<string, JsonElement> e, string a, string b)
    {
        if (e.ContainsKey(a) && e.ContainsKey(b))
        {
            throw new MalformedPolicyException($"A statement cannot contain both {a} and {b}.");
        }
    }

    private static PrincipalSpec ParsePrincipal(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*" ? new PrincipalSpec(true, [], [], []) : throw InvalidPrincipals();
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw InvalidPrincipals();
        }
        var everyone = false;
        List<string> aws = [], services = [], federated = [];
        foreach (var property in element.EnumerateObject())
        {
            var values = Strings(property.Value, "Principal");
            switch (property.Name)
            {
                case "AWS":
                    foreach (var value in values)
                    {
                        if (value == "*")
                        {
                            everyone = true;
                        }
                        else if (PrincipalArns.IsValidAwsPrincipal(value))
                        {
                            aws.Add(value);
                        }
                        else
                        {
                            throw InvalidPrincipals();
                        }
                    }
                    break;
                case "Service":
                    services.AddRange(values.All(ServicePrincipal().IsMatch) ? values : throw InvalidPrincipals());
                    break;
                case "Federated":
                    federated.AddRange(values);
                    break;
                case "CanonicalUser":
                    break;
                default:
                    throw InvalidPrincipals();
            }
        }
        return new PrincipalSpec(everyone, aws, services, federated);
    }

    private static MalformedPolicyException InvalidPrincipals() =>
        new("Policy contains a statement with one or more invalid principals.");

    private static List<string> Actions(JsonElement element)
    {
        var actions = Strings(element, "Action");
        foreach (var action in actions)
        {
            if (action != "*" && !ActionPattern().IsMatch(action))
            {
                throw new MalformedPolicyException($"The action '{action}' is not valid: an action is a service prefix and a name, e.g. kms:Encrypt.");
            }
        }
        return actions;
    }

    private static List<Condition> Conditions(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedPolicyException("A statement Condition must be an object of operators.");
        }
        var conditions = new List<Condition>();
        foreach (var block in element.EnumerateObject())
        {
            var parsed = ConditionOperators.Parse(block.Name)
                ?? throw new MalformedPolicyException($"The condition operator '{block.Name}' is not valid.");
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedPolicyException($"The condition block '{block.Name}' must be an object of condition keys.");
            }
            foreach (var key in block.Value.EnumerateObject())
            {
                if (parsed.Qualifier == SetQualifier.ForAllValues
                    && key.Name.StartsWith("kms:EncryptionContext:", StringComparison.OrdinalIgnoreCase))
                {
                    throw new MalformedPolicyException(
                        "OverlyPermissiveCondition:EncryptionContext: Using the ForAllValues set operator with a single-valued condition key " +
                        "matches requests without the specified encryption context or with an unspecified encryption context. To fix, remove ForAllValues.");
                }
                var values = ConditionValues(key.Value, block.Name);
                if (parsed.Operator == "Null" && values.Any(v => !bool.TryParse(v, out _)))
                {
                    throw new MalformedPolicyException("The values of a Null condition must be true or false.");
                }
                conditions.Add(new Condition(parsed.Operator, parsed.Qualifier, parsed.IfExists, key.Name, values));
            }
        }
        return conditions;
    }

    private static List<string> ConditionValues(JsonElement element, string op) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(v => Scalar(v, op)).ToList(),
        _ => [Scalar(element, op)],
    };

    private static string Scalar(JsonElement value, string op) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new MalformedPolicyException($"The values of condition '{op}' must be strings, numbers or booleans."),
    };

    private static List<string> Strings(JsonElement element, string what)
    {
        var values = element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => element.EnumerateArray().Select(v =>
                v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new MalformedPolicyException($"Every {what} value must be a string.")).ToList(),
            _ => throw new MalformedPolicyException($"{what} must be a string or a list of strings."),
        };
        if (values.Count == 0 || values.Any(string.IsNullOrEmpty))
        {
            throw new MalformedPolicyException($"{what} must not be empty.");
        }
        return values;
    }

    [GeneratedRegex(@"^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$")]
    private static partial Regex ServicePrincipal();
}
