using System.Text.Json.Nodes;

namespace Trent.Server.Tests.Wire;

/// <summary>A request that breaks model constraints, and the lines AWS's ValidationException lists for it.</summary>
public sealed record ConstraintCase(string Operation, string Description, JsonObject Body, IReadOnlyList<string> Errors)
{
    /// <summary>The whole message, errors in the order generated (AWS's order among several is not meaningful).</summary>
    public string Message =>
        $"{Errors.Count} validation {(Errors.Count == 1 ? "error" : "errors")} detected: {string.Join("; ", Errors)}";

    public override string ToString() => $"{Operation}: {Description}";
}
