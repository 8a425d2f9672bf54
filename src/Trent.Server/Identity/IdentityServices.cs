using Trent.Core.Authorization;
using Trent.Core.Crypto;
using Trent.Core.Identity.Iam;
using Trent.Core.Identity.Sts;
using Trent.Core.Storage;
using Trent.Protocol.Auth;
using Trent.Protocol.Query;

namespace Trent.Server.Identity;

/// <summary>
/// Authentication and IAM/STS, assembled once per host: the access keys and session tokens SigV4 trusts, a verifier
/// for KMS's signing name and one for IAM's and STS's (so a request signed for one service is never accepted by
/// another's protocol), the identity policies every authorizer reads, and the IAM and STS services.
/// </summary>
public sealed class IdentityServices : IDisposable
{
    public IdentityServices(
        IIdentityStore identity, IIamStore iam, RootKey rootKey, IRandomSource random, TimeProvider domainClock, SigV4Options options,
        TimeProvider? signingClock = null, CacheFreshness? freshness = null)
    {
        // SigV4 checks the real clock (clients sign with it); an in-process benchmark stops it to replay signed requests.
        signingClock ??= TimeProvider.System;
        var keys = new StoredAccessKeys(identity, rootKey, freshness);
        AccessKeys = keys;
        SessionTokens = new SessionTokens(rootKey);
        var sessions = new SessionTokenSource(SessionTokens, domainClock);
        KmsVerifier = new SigV4Verifier(keys, sessions, signingClock, options with { Services = ["kms"] });
        QueryVerifier = new SigV4Verifier(keys, sessions, signingClock, options with { Services = ["iam", "sts"] });
        Policies = new PolicyCache();
        IdentityPolicies = new InlineIdentityPolicies(iam, freshness: freshness);
        var authorizer = new IamAuthorizer(IdentityPolicies, Policies);
        var users = new IamUsers(iam, identity, authorizer, random);
        var roles = new IamRoles(iam, authorizer, Policies, random);
        Iam = new IamServices(
            users,
            roles,
            new IamInlinePolicies(iam, users, roles, Policies, IdentityPolicies),
            new IamAccessKeys(iam, users, rootKey, random, keys),
            new RoleAssumption(iam, authorizer, Policies, SessionTokens, random));
    }

    /// <summary>Verifies KMS requests (signing name <c>kms</c>); it knows users' keys and sessions as well as roots'.</summary>
    public SigV4Verifier KmsVerifier { get; }

    /// <summary>Verifies IAM and STS requests (signing names <c>iam</c> and <c>sts</c>).</summary>
    public SigV4Verifier QueryVerifier { get; }

    /// <summary>Parsed policies by text, shared by IAM, STS and the KMS authorizer.</summary>
    public PolicyCache Policies { get; }

    /// <summary>The <see cref="IIdentityPolicies"/> for KMS authorization: users' and sessions' roles' inline policies, cached.</summary>
    public InlineIdentityPolicies IdentityPolicies { get; }

    public IamServices Iam { get; }

    /// <summary>The access keys SigV4 trusts, cached; told of other nodes' changes by the change feed.</summary>
    public IAccessKeyInvalidation AccessKeys { get; }

    private SessionTokens SessionTokens { get; }

    public void Dispose() => SessionTokens.Dispose();
}
