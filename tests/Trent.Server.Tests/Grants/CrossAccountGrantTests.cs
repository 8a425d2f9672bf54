using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity;
using Trent.Server.Tests.Identity.Support;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.Grants;

/// <summary>
/// Grants across accounts: a grant to another account's root lets that root use the key by its ARN, create child
/// grants within the parent's bounds, retire what it may, and list what it may retire.
/// </summary>
public sealed class CrossAccountGrantTests : IAsyncLifetime
{
    private const string OtherAccount = "444455556666";
    private const string OtherRoot = "arn:aws:iam::444455556666:root";

    private TrentServer _server = null!;
    private AmazonKeyManagementServiceClient _owner = null!;
    private AmazonKeyManagementServiceClient _other = null!;

    public async Task InitializeAsync()
    {
        _server = await TrentServer.StartAsync();
        _owner = _server.Kms();
        _other = _server.KmsWith(await AccountCommandTests.CreateAccountAsync(_server.DataDir, OtherAccount));
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        _other.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_grant_to_another_accounts_root_lets_it_use_the_key_by_its_ARN()
    {
        var key = await _owner.NewKeyAsync();
        await DeniedAsync(() => _other.EncryptAsync(key.Arn), OtherRoot, "kms:Encrypt", key.Arn, identityBased: false);

        await _owner.GrantAsync(key.KeyId, OtherRoot, "Encrypt", "Decrypt");

        var blob = (await _other.EncryptAsync(key.Arn)).CiphertextBlob;
        await _other.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = key.Arn });
        await Expect.Error<NotFoundException>(() => _other.EncryptAsync(key.KeyId), $"Key '{KmsCalls.KeyArn(OtherAccount, key.KeyId)}' does not exist");
    }

    [Fact]
    public async Task The_other_account_creates_child_grants_on_the_key_within_its_grant_only()
    {
        var key = await _owner.NewKeyAsync();
        await _owner.GrantAsync(key.KeyId, OtherRoot, "CreateGrant", "Encrypt");

        var child = await _other.GrantAsync(key.Arn, OtherRoot, "Encrypt");

        Assert.Contains(child.GrantId, (await _owner.GrantsOfAsync(key.KeyId)).Select(g => g.GrantId));
        await DeniedAsync(() => _other.GrantAsync(key.Arn, OtherRoot, "Decrypt"), OtherRoot, "kms:CreateGrant", key.Arn, identityBased: false);
    }

    [Fact]
    public async Task The_other_account_retires_the_grants_it_is_retiring_principal_of_and_lists_them_across_accounts()
    {
        var key = await _owner.NewKeyAsync();
        var grant = await _owner.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = OtherRoot,
            RetiringPrincipal = OtherRoot,
            Operations = ["Encrypt"],
        });

        var retirable = await _other.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = OtherRoot });
        Assert.Equal([(key.Arn, grant.GrantId)], retirable.Grants.Select(g => (g.KeyId, g.GrantId)));
        await DeniedAsync(() => _other.ListGrantsAsync(new ListGrantsRequest { KeyId = key.Arn }), OtherRoot, "kms:ListGrants", key.Arn, identityBased: false);

        await _other.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = grant.GrantId });

        Assert.Empty(await _owner.GrantsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task Another_account_may_not_retire_a_grant_that_does_not_name_it()
    {
        var key = await _owner.NewKeyAsync();
        var grant = await _owner.GrantAsync(key.KeyId, $"arn:aws:iam::{_server.Root.AccountId}:root", "Encrypt");

        await DeniedAsync(() => _other.RetireGrantAsync(new RetireGrantRequest { GrantToken = grant.GrantToken }), OtherRoot, "kms:RetireGrant", key.Arn);
    }

    private static Task<AmazonKeyManagementServiceException> DeniedAsync(Func<Task> call, string callerArn, string action, string keyArn, bool identityBased = true) =>
        identityBased
            ? GrantKit.DeniedAsync(call, callerArn, action, keyArn)
            : Expect.Unmodeled(call, "AccessDeniedException",
                $"User: {callerArn} is not authorized to perform: {action} on resource: {keyArn} because no resource-based policy allows the {action} action");
}
