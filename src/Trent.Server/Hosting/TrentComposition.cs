using Trent.Core;
using Trent.Core.Audit;
using Trent.Core.Authorization;
using Trent.Core.Authorization.Grants;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Protocol.Audit;
using Trent.Protocol.Auth;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Query;
using Trent.Server.Audit;
using Trent.Server.Identity;

namespace Trent.Server.Hosting;

/// <summary>
/// Trent's object graph over an opened data directory: identities and authentication, the key catalog and its
/// authorizer, the KMS services, and the pipelines. One place composes it, for the server and in-process benchmarks.
/// </summary>
public sealed class TrentComposition : IDisposable
{
    private readonly GrantTokenCodec _grantTokens;
    private readonly ILoggerFactory _loggers;
    private readonly RequestAudit _requestAudit;

    public TrentComposition(
        DataDirectory data, TrentOptions options, IRandomSource random, TimeProvider domainClock, TrentMetrics metrics,
        TimeProvider? signingClock = null, ILoggerFactory? loggers = null)
    {
        DomainClock = domainClock;
        _loggers = loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        // The trail first: a start that cannot record must not get any further.
        Audit = AuditTrailWriter.Open(options.AuditDirectory, options.Audit, data.RootKey, TimeProvider.System, _loggers.CreateLogger<AuditTrailWriter>());
        KeyUsage = new KeyUsageTracker(data.Store.KeyUsage);
        TrackingStart = new TrackingStart(data.Store.Meta, domainClock);
        // Every storage call is counted, the background sweep's apart from the requests', so that the request path's
        // storage use can be read on its own.
        var keys = new CountingKeyStore(data.Store.Keys, metrics, StorageCallCounter.Request);
        MaintenanceKeys = new CountingKeyStore(data.Store.Keys, metrics, StorageCallCounter.Maintenance);
        var identity = new CountingIdentityStore(data.Store.Identity, metrics);

        // IAM, STS and authentication; its identity policies serve KMS authorization too.
        // Every cache keeps what it loaded only while the store's change feed vouches for it (always, for SQLite).
        var freshness = data.Store.Changes.Freshness;
        Identity = new IdentityServices(identity, data.Store.Iam, data.RootKey, random, domainClock,
            new SigV4Options { DevMode = options.Dev, DevAccountId = options.AccountId }, signingClock, freshness);

        var limits = new KmsLimits { Sm2Everywhere = options.Sm2Everywhere };
        var keyCache = new KeyCache(freshness: freshness);
        var catalog = new KeyCatalog(keys, data.RootKey, keyCache, random);
        // Grants: the store behind a cache that grant writes and key deletions invalidate; tokens sealed under the root
        // key. Every request's grant tokens are validated before the authorizer decides.
        _grantTokens = new GrantTokenCodec(data.RootKey);
        var grantCache = new GrantCache(data.Store.Grants, freshness: freshness);
        // Writes committed through other nodes reach this node's caches through the feed.
        data.Store.Changes.Changed += new CacheInvalidation(keyCache, grantCache, Identity.IdentityPolicies, Identity.AccessKeys).Apply;
        catalog.KeyDeleted += grantCache.Invalidate;
        var authorizer = new KmsAuthorizer(Identity.IdentityPolicies, new GrantChecker(grantCache, _grantTokens), keys, Identity.Policies);
        Authorizer = authorizer;
        // Every key a request asks to act on is noted for its audit event, whatever the decision.
        var checkedAuthorizer = new TracingAuthorizer(new GrantTokenValidatingAuthorizer(authorizer, new GrantTokens(_grantTokens, grantCache)));
        var access = new KeyAccess(catalog, checkedAuthorizer);
        var principals = new IamPrincipalDirectory(data.Store.Iam);
        var policyValidator = new KeyPolicyValidator(Identity.Policies, principals);
        var symmetric = new SymmetricCrypto(access, random);
        Kms = new KmsServices(
            new KeyLifecycle(access, policyValidator, random, limits),
            new KeyRotation(access, limits),
            new AliasService(access, limits),
            new KeyAttributes(access, policyValidator),
            symmetric,
            new AsymmetricCrypto(access, symmetric, random, limits),
            new GrantService(access, checkedAuthorizer, data.Store.Grants, grantCache, _grantTokens, principals, random, limits),
            new KeyLastUsageService(access, KeyUsage, TrackingStart));
        _requestAudit = new RequestAudit(Audit, KeyUsage, domainClock, _loggers.CreateLogger<RequestAudit>());
    }

    public TimeProvider DomainClock { get; }
    public IdentityServices Identity { get; }
    public KmsAuthorizer Authorizer { get; }
    public KmsServices Kms { get; }

    /// <summary>The audit trail every request and every background change is recorded in.</summary>
    public AuditTrailWriter Audit { get; }

    /// <summary>The last usage of keys, kept in memory and flushed to the store in the background.</summary>
    public KeyUsageTracker KeyUsage { get; }

    public TrackingStart TrackingStart { get; }

    /// <summary>The key store as the background sweep uses it (counted apart from requests).</summary>
    public Trent.Core.Storage.IKeyStore MaintenanceKeys { get; }

    public RequestPipeline CreateKmsPipeline(ILogger<RequestPipeline> logger) =>
        new(OperationTable.Create(Kms), Identity.KmsVerifier, DomainClock, logger, _requestAudit);

    public QueryPipeline CreateQueryPipeline(ILogger<QueryPipeline> logger) =>
        new(QueryOperationTable.Create(Identity.Iam), Identity.QueryVerifier, DomainClock, logger, _requestAudit);

    public void Dispose()
    {
        Identity.Dispose();
        _grantTokens.Dispose();
        // After the listener stopped (the container disposes this last): what is queued is written, the file closed and digested.
        Audit.Dispose();
    }
}
