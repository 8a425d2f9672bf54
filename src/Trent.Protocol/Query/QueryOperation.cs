using Trent.Core;

namespace Trent.Protocol.Query;

/// <summary>
/// What an operation answers: the members of its <c>{Op}Result</c> element, or nothing for operations without output.
/// <paramref name="Sensitive"/> marks a response carrying a secret, whose buffer is wiped after writing.
/// </summary>
public sealed record QueryResult(Action<QueryXml>? Members, bool Sensitive = false)
{
    public static readonly QueryResult Empty = new((Action<QueryXml>?)null);
}

/// <summary>One IAM or STS operation: reads its validated arguments, calls Core, says what to answer.</summary>
public abstract class QueryOperation
{
    /// <summary>The service whose model holds the operation.</summary>
    public abstract QueryService Service { get; }

    /// <summary>The Action name, exactly as in the model.</summary>
    public abstract string Name { get; }

    public abstract ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct);
}
