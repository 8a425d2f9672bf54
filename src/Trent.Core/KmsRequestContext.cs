using Trent.Core.Identity;

namespace Trent.Core;

/// <summary>What every operation knows about its request: who, where, when and which request.</summary>
public sealed record KmsRequestContext(CallerIdentity Caller, string Region, string RequestId, DateTimeOffset Now)
{
    public string AccountId => Caller.AccountId;
}
