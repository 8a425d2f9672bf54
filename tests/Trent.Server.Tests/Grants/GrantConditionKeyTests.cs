using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>
/// The condition keys of the grant operations, in identity policies: what CreateGrant grants, to whom, under which
/// constraint; kms:GrantIsForAWSResource is false, as no AWS service calls Trent.
/// </summary>
public sealed class GrantConditionKeyTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private static string AllowWhen(string action, string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"*","Condition":{{condition}}}]}""";

    [Fact]
    public async Task kms_GrantOperations_limits_which_operations_may_be_granted()
    {
        var key = await fx.NewKeyAsync();
        var granter = await fx.Server.NewGranteeAsync(AllowWhen("kms:CreateGrant", """{"ForAllValues:StringEquals":{"kms:GrantOperations":["Encrypt","Decrypt"]}}"""));

        await granter.Kms.GrantAsync(key.KeyId, fx.RootArn, "Decrypt", "Encrypt");
        await DeniedAsync(() => granter.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt", "ReEncryptFrom"), granter.Arn, "kms:CreateGrant", key.Arn);
    }

    [Fact]
    public async Task kms_GranteePrincipal_and_kms_RetiringPrincipal_limit_whom_a_grant_names()
    {
        var key = await fx.NewKeyAsync();
        var allowedGrantee = await fx.Server.NewGranteeAsync();
        var retiree = await fx.Server.NewGranteeAsync();
        var granter = await fx.Server.NewGranteeAsync(AllowWhen("kms:CreateGrant",
            $$$"""{"StringEquals":{"kms:GranteePrincipal":"{{{allowedGrantee.Arn}}}","kms:RetiringPrincipal":"{{{retiree.Arn}}}"}}"""));
        CreateGrantRequest Request(string grantee, string? retiring) =>
            new() { KeyId = key.KeyId, GranteePrincipal = grantee, RetiringPrincipal = retiring, Operations = ["Encrypt"] };

        await granter.Kms.CreateGrantAsync(Request(allowedGrantee.Arn, retiree.Arn));
        await DeniedAsync(() => granter.Kms.CreateGrantAsync(Request(fx.RootArn, retiree.Arn)), granter.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => granter.Kms.CreateGrantAsync(Request(allowedGrantee.Arn, null)), granter.Arn, "kms:CreateGrant", key.Arn);
    }

    [Fact]
    public async Task kms_GrantConstraintType_and_kms_EncryptionContext_see_the_grants_constraint()
    {
        var key = await fx.NewKeyAsync();
        var granter = await fx.Server.NewGranteeAsync(AllowWhen("kms:CreateGrant",
            """{"StringEquals":{"kms:GrantConstraintType":"EncryptionContextEquals","kms:EncryptionContext:Dept":"IT"}}"""));
        CreateGrantRequest Request(GrantConstraints? constraints) =>
            new() { KeyId = key.KeyId, GranteePrincipal = fx.RootArn, Operations = ["Encrypt"], Constraints = constraints };

        await granter.Kms.CreateGrantAsync(Request(new GrantConstraints { EncryptionContextEquals = Context("Dept", "IT") }));
        await DeniedAsync(() => granter.Kms.CreateGrantAsync(Request(new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") })),
            granter.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => granter.Kms.CreateGrantAsync(Request(new GrantConstraints { EncryptionContextEquals = Context("Dept", "HR") })),
            granter.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => granter.Kms.CreateGrantAsync(Request(null)), granter.Arn, "kms:CreateGrant", key.Arn);
    }

    [Fact]
    public async Task kms_GrantIsForAWSResource_is_false_for_CreateGrant_ListGrants_and_RevokeGrant()
    {
        var key = await fx.NewKeyAsync();
        var grant = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");
        var notForAws = await fx.Server.NewGranteeAsync(AllowWhen("kms:*", """{"Bool":{"kms:GrantIsForAWSResource":"false"}}"""));
        var forAws = await fx.Server.NewGranteeAsync(AllowWhen("kms:*", """{"Bool":{"kms:GrantIsForAWSResource":"true"}}"""));

        await DeniedAsync(() => forAws.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt"), forAws.Arn, "kms:CreateGrant", key.Arn);
        await DeniedAsync(() => forAws.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId }), forAws.Arn, "kms:ListGrants", key.Arn);
        await DeniedAsync(() => forAws.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId }), forAws.Arn, "kms:RevokeGrant", key.Arn);
        await notForAws.Kms.GrantAsync(key.KeyId, fx.RootArn, "Decrypt");
        await notForAws.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId });
        await notForAws.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId });
    }
}
