using System.Text.Json;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>What the embedded AWS model and Trent's operation table say: the source every table-driven test uses.</summary>
public static class KmsModel
{
    // Declared first: the lists below are built from it during static initialization.
    private static readonly HashSet<string> OperationsWithOutput = ReadOperationsWithOutput();

    public static ServiceModel Model => ServiceModel.Kms;

    /// <summary>The model's operations, in ordinal order.</summary>
    public static IReadOnlyList<string> Operations { get; } = [.. Model.Operations.Order(StringComparer.Ordinal)];

    /// <summary>The operations Trent implements: the names in its operation table.</summary>
    // The operations only keep their services, so a table built without services is enough to read the names.
    public static IReadOnlyList<string> Implemented { get; } =
        [.. OperationTable.Create(UnwiredServices()).Names.Order(StringComparer.Ordinal)];

    private static KmsServices UnwiredServices()
    {
        var constructor = typeof(KmsServices).GetConstructors().Single();
        return (KmsServices)constructor.Invoke(new object?[constructor.GetParameters().Length]);
    }

    public static IReadOnlyList<string> NotImplemented { get; } = [.. Operations.Except(Implemented)];

    /// <summary>Implemented operations whose model output is absent: AWS answers them with an empty body.</summary>
    public static IReadOnlyList<string> WithoutOutput { get; } = [.. Implemented.Where(op => !OperationsWithOutput.Contains(op))];

    public static StructureShape Input(string operation) =>
        Model.Inputs[operation] ?? throw new InvalidOperationException($"{operation} has no input shape.");

    public static TheoryData<string> Theory(IEnumerable<string> operations)
    {
        var data = new TheoryData<string>();
        foreach (var op in operations)
        {
            data.Add(op);
        }
        return data;
    }

    private static HashSet<string> ReadOperationsWithOutput()
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream("kms-2014-11-01.json")!;
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("operations").EnumerateObject()
            .Where(op => op.Value.TryGetProperty("output", out _))
            .Select(op => op.Name)];
    }
}
