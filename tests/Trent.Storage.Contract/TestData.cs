using System.Security.Cryptography;
using Trent.Core.Identity;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Contract;

/// <summary>Builders of keys, materials, aliases and accounts for the contract suites.</summary>
public static class TestData
{
    public const string AccountId = "111122223333";

    public const string OtherAccountId = "444455556666";

    public const string Region = "eu-west-1";

    public const string OtherRegion = "us-east-1";

    /// <summary>A fixed instant with millisecond precision, the precision the stores keep.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 30, 45, 678, TimeSpan.Zero);

    public static KeyArn NewArn(string account = AccountId, string region = Region) => new(account, region, Guid.NewGuid().ToString());

    /// <summary>A key with every field at its default or simplest value.</summary>
    public static KmsKey Key(KeyArn arn) => new()
    {
        Arn = arn,
        CreationDate = Now,
        Policy = """{"Version":"2012-10-17","Statement":[]}""",
        Version = 1,
    };

    /// <summary>A key with every field set to a value other than its default.</summary>
    public static KmsKey FullKey(KeyArn arn) => new()
    {
        Arn = arn,
        CreationDate = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.Zero),
        Description = "Signs release artifacts — ünïcødé, \"quotes\" and 'apostrophes'",
        KeySpec = KeySpec.ECC_NIST_P384,
        KeyUsage = KeyUsage.SIGN_VERIFY,
        Origin = KeyOrigin.EXTERNAL,
        State = KeyState.PendingDeletion,
        DeletionDate = new DateTimeOffset(2025, 7, 1, 0, 0, 0, 1, TimeSpan.Zero),
        MultiRegion = true,
        Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}""",
        Tags = [new("Project", "Trent"), new("Empty", ""), new("Ünïcødé", "✓ value")],
        Rotation = new KeyRotationSettings(true, 90, new DateTimeOffset(2025, 8, 30, 6, 7, 8, 9, TimeSpan.Zero)),
        CurrentMaterialId = "m-current",
        Version = 1,
    };

    public static StoredMaterial Material(string materialId, DateTimeOffset createdAt, RotationType? rotationType = null) =>
        new(new KeyMaterialInfo(materialId, createdAt, rotationType), RandomNumberGenerator.GetBytes(60));

    public static KeyAlias Alias(string aliasName, string targetKeyId, string account = AccountId, string region = Region) =>
        new(account, region, aliasName, targetKeyId, Now, Now);

    public static Account NewAccount(string accountId) => new(accountId, Now);

    public static AccessKeyRecord RootAccessKey(string accountId, string accessKeyId) => new(
        accessKeyId,
        accountId,
        CallerIdentity.RootArn(accountId),
        PrincipalType.Root,
        accountId,
        RandomNumberGenerator.GetBytes(72),
        AccessKeyStatus.Active,
        Now.AddSeconds(1));
}
