namespace Trent.Core.Authorization.Grants;

/// <summary>
/// The grant a CreateGrant request asks for, visible to <see cref="GrantChecker"/> while that request is authorized.
/// A principal allowed CreateGrant by a grant may only create grants with a subset of the parent's operations and
/// an equal or stricter constraint; the authorizer's port carries no such parameters, so they travel here.
/// </summary>
public sealed record ChildGrant(IReadOnlyCollection<string> Operations, GrantConstraints? Constraints)
{
    private static readonly AsyncLocal<ChildGrant?> Pending = new();

    /// <summary>The grant being requested in this asynchronous flow, if it is authorizing a CreateGrant.</summary>
    public static ChildGrant? Current => Pending.Value;

    /// <summary>Makes this the requested grant until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = Pending.Value;
        Pending.Value = this;
        return new Scope(previous);
    }

    /// <summary>Whether a parent grant may create this child grant.</summary>
    public bool IsAllowedBy(Grant parent) =>
        Operations.All(parent.Allows) && GrantConstraints.IsAtLeastAsStrict(Constraints, parent.Constraints);

    public readonly struct Scope(ChildGrant? previous) : IDisposable
    {
        public void Dispose() => Pending.Value = previous;
    }
}
