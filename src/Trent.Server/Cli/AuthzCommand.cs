using System.CommandLine;
using Trent.Core;
using Trent.Core.Authorization;
using Trent.Core.Authorization.Grants;
using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Server.Hosting;
using Trent.Server.Identity;

namespace Trent.Server.Cli;

/// <summary>
/// <c>trent authz explain</c>: asks the authorizer the question a request would ask (principal, action, key,
/// encryption context, grant tokens, condition keys) against a data directory, and prints the decision with every
/// statement and grant that decided it. It only reads, and runs beside a server.
/// </summary>
public static class AuthzCommand
{
    public static Command Create()
    {
        var principal = new Option<string>("--principal")
        {
            Description = "Who asks: arn:aws:iam::<account>:root, :user/<name>, :role/<name> (any session) or arn:aws:sts::<account>:assumed-role/<role>/<session>.",
            Required = true,
        };
        var action = new Option<string>("--action") { Description = "The action, e.g. kms:Decrypt (the kms: prefix may be left out).", Required = true };
        var key = new Option<string?>("--key") { Description = "The key: key id, key ARN, alias name or alias ARN; leave out for actions without a key (kms:CreateKey, kms:ListKeys)." };
        var region = new Option<string>("--region")
        {
            Description = "The region of the request, when --key is not an ARN (AWS_REGION, else us-east-1).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
        };
        var context = new Option<string[]>("--encryption-context") { Description = "An encryption context pair key=value; repeat for more.", AllowMultipleArgumentsPerToken = true };
        var conditions = new Option<string[]>("--condition") { Description = "Another condition key the request carries, key=value (kms:EncryptionAlgorithm=SYMMETRIC_DEFAULT, aws:SourceIp=10.0.0.1, ...); repeat for more.", AllowMultipleArgumentsPerToken = true };
        var grantTokens = new Option<string[]>("--grant-token") { Description = "A grant token presented with the request; repeat for more.", AllowMultipleArgumentsPerToken = true };
        var common = CommonOptions.Create();
        var explain = new Command("explain", "Print whether a request would be allowed, and the statements and grants that decide it. Exit status 0 when allowed, 1 when refused.")
        {
            principal, action, key, region, context, conditions, grantTokens,
        };
        common.AddTo(explain);
        explain.SetAction(async (parse, ct) =>
        {
            try
            {
                var question = new Question(
                    parse.GetValue(principal)!, Action(parse.GetValue(action)!), parse.GetValue(key), parse.GetValue(region)!,
                    Pairs(parse.GetValue(context), "--encryption-context"), Pairs(parse.GetValue(conditions), "--condition"),
                    parse.GetValue(grantTokens) ?? []);
                var (decision, message) = await ExplainAsync(common.Read(parse), question, ct);
                Console.WriteLine(decision.Explain());
                if (message is not null)
                {
                    Console.WriteLine($"The caller would see: AccessDeniedException: {message}");
                }
                return decision.Allowed ? 0 : 1;
            }
            catch (Exception e) when (e is StartupException or ArgumentException or KmsException)
            {
                await Console.Error.WriteLineAsync($"trent: {e.Message}");
                return 2;
            }
        });
        return new Command("authz", "Explain authorization decisions.") { explain };
    }

    private sealed record Question(
        string Principal, string Action, string? Key, string Region, IReadOnlyDictionary<string, string> EncryptionContext,
        IReadOnlyDictionary<string, string> Conditions, IReadOnlyList<string> GrantTokens);

    private static async Task<(AuthorizationDecision Decision, string? Message)> ExplainAsync(TrentOptions options, Question question, CancellationToken ct)
    {
        var random = SystemRandomSource.Instance;
        await using var data = await DataDirectory.OpenExistingAsync(options, random, ct);
        var caller = await new PrincipalLookup(data.Store.Iam).FindAsync(question.Principal, ct);
        var region = question.Key is { } named && KeyIdentifier.Parse(named).Region is { } keyRegion ? keyRegion : question.Region;
        var ctx = new KmsRequestContext(caller, region, "trent-authz-explain", TimeProvider.System.GetUtcNow());

        var policies = new PolicyCache();
        using var grantTokens = new GrantTokenCodec(data.RootKey);
        var authorizer = new KmsAuthorizer(
            new InlineIdentityPolicies(data.Store.Iam), new GrantChecker(new GrantCache(data.Store.Grants), grantTokens), data.Store.Keys, policies);

        var requestConditions = new ConditionValues().WithEncryptionContext(question.EncryptionContext.Count == 0 ? null : question.EncryptionContext);
        foreach (var (name, value) in question.Conditions)
        {
            requestConditions.Set(name, value);
        }
        KmsKey? key = null;
        if (question.Key is { } keyId)
        {
            var catalog = new KeyCatalog(data.Store.Keys, data.RootKey, new KeyCache(), random);
            using var lease = await catalog.ResolveAsync(ctx, keyId, KeyIdForms.Any, ct);
            key = lease.Key;
            if (KeyIdentifier.Parse(keyId) is { Kind: KeyIdentifierKind.AliasName or KeyIdentifierKind.AliasArn } alias)
            {
                requestConditions.Set("kms:RequestAlias", alias.Value);
            }
        }
        var request = new AuthorizationRequest(question.Action, key?.Arn.ToString(), key)
        {
            Conditions = requestConditions,
            EncryptionContext = question.EncryptionContext.Count == 0 ? null : question.EncryptionContext,
            GrantTokens = question.GrantTokens.Count == 0 ? null : question.GrantTokens,
        };
        var decision = await authorizer.DecideAsync(ctx, request, ct);
        var message = decision.Allowed ? null : decision.ToException(caller.PrincipalArn, question.Action, key?.Arn.ToString() ?? "*").Message;
        return (decision, message);
    }

    private static string Action(string action) => action.Contains(':', StringComparison.Ordinal) ? action : "kms:" + action;

    private static Dictionary<string, string> Pairs(string[]? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"{option} takes key=value, not '{value}'.");
            }
            pairs[value[..equals]] = value[(equals + 1)..];
        }
        return pairs;
    }
}
