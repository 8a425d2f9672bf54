namespace Trent.Core.Authorization.Policies;

/// <summary>Allow or Deny.</summary>
public enum Effect
{
    Allow,
    Deny,
}

/// <summary>A parsed, validated policy document; immutable and safe to share and cache.</summary>
public sealed record PolicyDocument(string Version, string? Id, IReadOnlyList<PolicyStatement> Statements, PolicyKind Kind)
{
    public static PolicyDocument Parse(string json, PolicyKind kind) => PolicyParser.Parse(json, kind);
}

/// <summary>One statement. Absent Action/Resource elements make the statement match nothing, as AWS treats them.</summary>
public sealed record PolicyStatement(
    int Index,
    string? Sid,
    Effect Effect,
    PrincipalSpec? Principal,
    PrincipalSpec? NotPrincipal,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    IReadOnlyList<Condition> Conditions)
{
    /// <summary>How the statement is named in explanations: its Sid, else its position.</summary>
    public string Label => Sid is { Length: > 0 } sid ? $"\"{sid}\"" : $"#{Index + 1}";
}

/// <summary>The principals a Principal or NotPrincipal element names.</summary>
/// <param name="Everyone"><c>"*"</c> or <c>{"AWS": "*"}</c>.</param>
/// <param name="Aws">Account ids and IAM/STS principal ARNs under the <c>AWS</c> key.</param>
/// <param name="Services">Service principals (<c>logs.amazonaws.com</c>).</param>
/// <param name="Federated">Federated principals (identity providers).</param>
public sealed record PrincipalSpec(bool Everyone, IReadOnlyList<string> Aws, IReadOnlyList<string> Services, IReadOnlyList<string> Federated);

/// <summary>How a condition operator treats multi-valued request keys.</summary>
public enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}

/// <summary>One key of one condition operator block: all values of the policy, OR-ed.</summary>
/// <param name="Operator">The base operator without qualifier or IfExists, e.g. <c>StringLike</c>.</param>
/// <param name="Key">The condition key as written; compared case-insensitively.</param>
public sealed record Condition(string Operator, SetQualifier Qualifier, bool IfExists, string Key, IReadOnlyList<string> Values)
{
    public string OperatorText => (Qualifier == SetQualifier.None ? "" : Qualifier + ":") + Operator + (IfExists ? "IfExists" : "");
}
