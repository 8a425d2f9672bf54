using Trent.Core.Audit;
using Trent.Core.Authorization.Grants;
using Trent.Core.Crypto;
using Trent.Core.Keys;

namespace Trent.Protocol.Dispatch;

/// <summary>The Core services the operations call.</summary>
public sealed record KmsServices(
    KeyLifecycle Lifecycle,
    KeyRotation Rotation,
    AliasService Aliases,
    KeyAttributes Attributes,
    SymmetricCrypto Crypto,
    AsymmetricCrypto Asymmetric,
    GrantService Grants,
    KeyLastUsageService LastUsage);
