using System.Collections.Concurrent;
using Trent.Core.Authorization.Policies;

namespace Trent.Core.Authorization;

/// <summary>
/// Parsed policies by their text: a policy is parsed once, then shared by every key or principal carrying the same
/// text (most keys carry the default key policy). Bounded; a full cache starts over.
/// </summary>
public sealed class PolicyCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<(string Text, PolicyKind Kind), PolicyDocument> _documents = new();

    /// <summary>The parsed document; throws <see cref="MalformedPolicyException"/> for a document that does not parse.</summary>
    public PolicyDocument Get(string text, PolicyKind kind)
    {
        if (_documents.TryGetValue((text, kind), out var cached))
        {
            return cached;
        }
        var parsed = PolicyDocument.Parse(text, kind);
        if (_documents.Count >= capacity)
        {
            _documents.Clear();
        }
        _documents[(text, kind)] = parsed;
        return parsed;
    }
}
