namespace Trent.Core.Audit;

/// <summary>
/// What a request touched, filled in as the Core services resolve and authorize keys: the audit event's
/// <c>resources</c> and the keys whose last usage a successful cryptographic call updates (ReEncrypt touches two).
/// One request's services run one after another, so no synchronization is needed.
/// </summary>
public sealed class RequestTrace
{
    private string? _first;
    private List<string>? _more;

    /// <summary>The key ARNs in the order they were first touched, without repeats.</summary>
    public IReadOnlyList<string> KeyArns => _first is null ? [] : _more is null ? [_first] : [_first, .. _more];

    public bool IsEmpty => _first is null;

    public void TouchKey(string keyArn)
    {
        if (_first is null)
        {
            _first = keyArn;
        }
        else if (_first != keyArn && !(_more?.Contains(keyArn) ?? false))
        {
            (_more ??= []).Add(keyArn);
        }
    }
}
