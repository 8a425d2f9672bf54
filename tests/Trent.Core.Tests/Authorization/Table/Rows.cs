using Trent.Core.Tests.Authorization.Cases;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>One row of the authorization table: a short id, the AWS rule it checks, its inputs and expected outcome.</summary>
public interface ICase
{
    string Id { get; }

    /// <summary>The AWS rule the row checks, as a sentence; "[U]" marks a rule where AWS's behaviour is uncertain.</summary>
    string Rule { get; }

    Task RunAsync();
}

/// <summary>
/// A row as xUnit sees it: serialized by its id, so every row is its own test case named by its rule.
/// </summary>
public sealed class Row : IXunitSerializable
{
    public Row()
    {
    }

    public Row(ICase row) => Case = row;

    public ICase Case { get; private set; } = null!;

    public Task RunAsync() => Case.RunAsync();

    public void Serialize(IXunitSerializationInfo info) => info.AddValue("id", Case.Id);

    public void Deserialize(IXunitSerializationInfo info) => Case = CaseTable.Find(info.GetValue<string>("id"));

    public override string ToString() => $"{Case.Id}: {Case.Rule}";

    public static TheoryData<Row> Of(IEnumerable<ICase> rows)
    {
        var data = new TheoryData<Row>();
        foreach (var row in rows)
        {
            data.Add(new Row(row));
        }
        return data;
    }
}

/// <summary>Every row of every topic, by id.</summary>
public static class CaseTable
{
    public static IReadOnlyList<(string Topic, IReadOnlyList<ICase> Rows)> Topics { get; } =
    [
        ("deny precedence", DenyPrecedenceCases.All),
        ("principals", PrincipalCases.All),
        ("actions and resources", ActionResourceCases.All),
        ("string conditions", StringConditionCases.All),
        ("numeric, date and bool conditions", NumericDateBoolCases.All),
        ("IP, ARN, Null and binary conditions", IpArnNullBinaryCases.All),
        ("set qualifiers", SetQualifierCases.All),
        ("IfExists and missing keys", IfExistsAndMissingKeyCases.All),
        ("policy variables", VariableCases.All),
        ("cross-account", CrossAccountCases.All),
        ("assumed roles", AssumedRoleCases.All),
        ("grants", GrantCases.All),
        ("lockout check", LockoutCases.All),
        ("KMS and global condition keys", KmsConditionKeyCases.All),
        ("malformed policies", MalformedPolicyCases.All),
    ];

    private static readonly Lazy<Dictionary<string, ICase>> ById = new(() =>
        Topics.SelectMany(t => t.Rows).ToDictionary(r => r.Id, StringComparer.Ordinal));

    public static ICase Find(string id) => ById.Value[id];
}
