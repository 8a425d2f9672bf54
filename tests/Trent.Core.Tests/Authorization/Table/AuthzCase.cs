using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>What a row expects of the authorizer.</summary>
public enum Expect
{
    /// <summary>Allowed by the policies (no grant involved).</summary>
    Allowed,

    /// <summary>Allowed by a grant after the policies did not allow.</summary>
    AllowedByGrant,

    ExplicitDenyInResourcePolicy,
    ExplicitDenyInIdentityPolicy,
    NoResourcePolicyAllows,
    NoIdentityPolicyAllows,

    /// <summary>The lockout safety check accepts the row's key policy as the key's new policy.</summary>
    LockoutPasses,

    /// <summary>The lockout safety check refuses the row's key policy.</summary>
    LockoutFails,
}

/// <summary>
/// A row driven through <see cref="KmsAuthorizer"/>: by default user alice of account A calls kms:Encrypt on a
/// symmetric key of account A that has the default key policy, with no identity-based policies and no grants.
/// </summary>
public sealed record AuthzCase(string Id, string Rule) : ICase
{
    public string KeyPolicy { get; init; } = Fixture.DefaultPolicy;
    public IReadOnlyList<string> Identity { get; init; } = [];
    public CallerIdentity Caller { get; init; } = Fixture.Alice;
    public string Action { get; init; } = "kms:Encrypt";

    /// <summary>False for actions without a key (CreateKey, ListKeys, alias resources).</summary>
    public bool HasKey { get; init; } = true;

    /// <summary>The resource ARN when it is not the key's (an alias ARN), or null for actions without a resource.</summary>
    public string? Resource { get; init; }

    public string KeyAccount { get; init; } = Fixture.A;
    public KeySpec KeySpec { get; init; } = KeySpec.SYMMETRIC_DEFAULT;
    public KeyUsage KeyUsage { get; init; } = KeyUsage.ENCRYPT_DECRYPT;
    public KeyOrigin Origin { get; init; } = KeyOrigin.AWS_KMS;
    public bool MultiRegion { get; init; }
    public IReadOnlyList<KeyTag> Tags { get; init; } = [];

    /// <summary>Alias names pointing at the key (kms:ResourceAliases).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Condition keys the request itself carries (kms:RequestAlias, kms:EncryptionAlgorithm, ...).</summary>
    public Func<ConditionValues, ConditionValues>? Request { get; init; }

    /// <summary>The request's encryption context: condition keys and grant constraints both see it.</summary>
    public IReadOnlyDictionary<string, string>? Ec { get; init; }

    /// <summary>Tags in the request (aws:RequestTag/*, aws:TagKeys).</summary>
    public IReadOnlyList<KeyTag>? RequestTags { get; init; }

    public IReadOnlyList<string>? GrantTokens { get; init; }
    public FakeGrant? Grant { get; init; }
    public string? SourceIp { get; init; } = "203.0.113.10";
    public bool SecureTransport { get; init; } = true;
    public DateTimeOffset Now { get; init; } = Fixture.Now;

    public Expect Expect { get; init; }

    /// <summary>When set, whether the authorizer must (true) or must not (false) have consulted grants.</summary>
    public bool? GrantsConsulted { get; init; }

    /// <summary>Text the explanation must contain (the deciding statement).</summary>
    public string? Explains { get; init; }

    public override string ToString() => $"{Id}: {Rule}";

    public async Task RunAsync()
    {
        var key = HasKey
            ? new KmsKey
            {
                Arn = new KeyArn(KeyAccount, Fixture.Region, Fixture.KeyId),
                CreationDate = Fixture.Now.AddDays(-30),
                Policy = KeyPolicy,
                KeySpec = KeySpec,
                KeyUsage = KeyUsage,
                Origin = Origin,
                MultiRegion = MultiRegion,
                Tags = Tags,
                CurrentMaterialId = "material-1",
            }
            : null;
        var aliases = Aliases
            .Select(a => new KeyAlias(KeyAccount, Fixture.Region, a, Fixture.KeyId, Fixture.Now, Fixture.Now))
            .ToList();
        var identities = new FakeIdentityPolicies(Identity);
        var grants = new FakeGrantChecker(Grant);
        var store = new FakeKeyStore(aliases);
        var authorizer = new KmsAuthorizer(identities, grants, store, new PolicyCache());
        var ctx = new KmsRequestContext(Caller, Fixture.Region, "request-1", Now)
        {
            SourceIp = SourceIp,
            SecureTransport = SecureTransport,
            UserAgent = "aws-cli/2.15.0",
        };

        if (Expect is Expect.LockoutPasses or Expect.LockoutFails)
        {
            var passes = await authorizer.AllowsPolicyUpdateAsync(ctx, key ?? throw new InvalidOperationException("A lockout row needs a key."));
            Assert.True(passes == (Expect == Expect.LockoutPasses), $"{this}\nexpected {Expect}, but the check {(passes ? "passed" : "failed")}");
            return;
        }

        var conditions = new ConditionValues().WithEncryptionContext(Ec);
        if (RequestTags is not null)
        {
            conditions.WithRequestTags(RequestTags);
        }
        conditions = Request?.Invoke(conditions) ?? conditions;
        var request = new AuthorizationRequest(Action, Resource ?? key?.Arn.ToString(), key)
        {
            Conditions = conditions,
            EncryptionContext = Ec,
            GrantTokens = GrantTokens,
        };

        var decision = await authorizer.DecideAsync(ctx, request);
        var explanation = decision.Explain();
        var outcome = decision switch
        {
            { Allowed: true, Grant: null } => Expect.Allowed,
            { Allowed: true } => Expect.AllowedByGrant,
            _ => decision.Denial switch
            {
                Denial.ExplicitDenyInResourcePolicy => Expect.ExplicitDenyInResourcePolicy,
                Denial.ExplicitDenyInIdentityPolicy => Expect.ExplicitDenyInIdentityPolicy,
                Denial.NoIdentityPolicyAllows => Expect.NoIdentityPolicyAllows,
                _ => Expect.NoResourcePolicyAllows,
            },
        };
        Assert.True(outcome == Expect, $"{this}\nexpected {Expect}, got {outcome}\n{explanation}");

        // Grants only ever allow, and only when the policies do not: an allow by policy or an explicit deny never asks.
        if (outcome is Expect.Allowed or Expect.ExplicitDenyInResourcePolicy or Expect.ExplicitDenyInIdentityPolicy)
        {
            Assert.True(grants.Asked.Count == 0, $"{this}\ngrants were consulted although the policies decided\n{explanation}");
        }
        if (GrantsConsulted is { } consulted)
        {
            Assert.True(consulted == grants.Asked.Count > 0, $"{this}\nexpected grants {(consulted ? "" : "not ")}to be consulted\n{explanation}");
        }
        foreach (var asked in grants.Asked)
        {
            // The grant checker hears the request as it came: the operation without "kms:", the context, the tokens.
            Assert.Equal(Action["kms:".Length..], asked.Operation);
            Assert.Same(Caller, asked.Caller);
            Assert.Same(Ec, asked.EncryptionContext);
            Assert.Same(GrantTokens, asked.GrantTokens);
            Assert.Equal(key!.Arn, asked.Key.Arn);
        }
        // The root has no identity-based policies to read.
        Assert.Equal(Caller.PrincipalType == PrincipalType.Root, identities.Asked.Count == 0);

        if (!decision.Allowed)
        {
            var message = decision.ToException(Caller.PrincipalArn, Action, request.ResourceArn ?? "*").Message;
            Assert.Contains(outcome switch
            {
                Expect.ExplicitDenyInResourcePolicy => "with an explicit deny in a resource-based policy",
                Expect.ExplicitDenyInIdentityPolicy => "with an explicit deny in an identity-based policy",
                Expect.NoIdentityPolicyAllows => $"because no identity-based policy allows the {Action} action",
                _ => $"because no resource-based policy allows the {Action} action",
            }, message, StringComparison.Ordinal);
        }
        if (Explains is not null)
        {
            Assert.Contains(Explains, explanation, StringComparison.Ordinal);
        }
    }
}
