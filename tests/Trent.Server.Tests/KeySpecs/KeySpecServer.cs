using System.Collections.Concurrent;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>
/// The key-spec tests share one server and one key per (KeySpec, KeyUsage): asymmetric key generation (RSA-4096
/// above all) is the slow part of these tests. Tests that change a key's state create keys of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KeySpecCollection : ICollectionFixture<KeySpecServer>
{
    public const string Name = "Key specs";
}

/// <summary>A server with a us-east-1 client and a cn-north-1 client (SM2 exists only in the China Regions), and shared keys.</summary>
public sealed class KeySpecServer : IAsyncLifetime
{
    public const string ChinaRegion = "cn-north-1";

    private readonly ConcurrentDictionary<(string Spec, string Usage), Lazy<Task<KeyMetadata>>> _keys = new();

    private readonly Lazy<Task<KeyMetadata>> _chinaSymmetric;

    public KeySpecServer() =>
        _chinaSymmetric = new(async () => (await China.CreateKeyAsync(new CreateKeyRequest { Description = "cn-north-1 symmetric key" })).KeyMetadata);

    public TrentServer Server { get; private set; } = null!;

    /// <summary>us-east-1.</summary>
    public AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    /// <summary>cn-north-1, where SM2 keys live.</summary>
    public AmazonKeyManagementServiceClient China { get; private set; } = null!;

    public string Account => Server.Root.AccountId;

    public async Task InitializeAsync()
    {
        Server = await TrentServer.StartAsync();
        Kms = Server.Kms();
        China = Server.Kms(ChinaRegion);
    }

    public async Task DisposeAsync()
    {
        Kms.Dispose();
        China.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>The client of the region where keys of the spec can be made: cn-north-1 for SM2, us-east-1 otherwise.</summary>
    public AmazonKeyManagementServiceClient For(string spec) => spec == "SM2" ? China : Kms;

    /// <summary>
    /// The shared key of a spec and usage, as CreateKey returned its metadata. Never disable, delete or otherwise change
    /// it: other tests use it too.
    /// </summary>
    public Task<KeyMetadata> KeyAsync(string spec, string usage) =>
        _keys.GetOrAdd((spec, usage), k => new Lazy<Task<KeyMetadata>>(() => NewKeyAsync(k.Spec, k.Usage))).Value;

    /// <summary>A key of the test's own (for tests that change its state).</summary>
    public async Task<KeyMetadata> NewKeyAsync(string spec, string usage, string description = "key spec test key")
    {
        var request = new CreateKeyRequest { KeySpec = new KeySpec(spec), Description = description };
        if (spec != "SYMMETRIC_DEFAULT" || usage != "ENCRYPT_DECRYPT")
        {
            request.KeyUsage = new KeyUsageType(usage);
        }
        return (await For(spec).CreateKeyAsync(request)).KeyMetadata;
    }

    public Task<KeyMetadata> SymmetricKeyAsync() => KeyAsync("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");

    /// <summary>The shared symmetric encryption key of the client's region (us-east-1 or cn-north-1).</summary>
    public Task<KeyMetadata> SymmetricKeyAsync(IAmazonKeyManagementService kms) =>
        kms == China ? _chinaSymmetric.Value : SymmetricKeyAsync();

    /// <summary>The encryption context of the shared data key pairs.</summary>
    public static readonly Dictionary<string, string> DataKeyPairContext = new() { ["tenant"] = "blue", ["purpose"] = "key pair" };

    private readonly ConcurrentDictionary<string, Lazy<Task<GenerateDataKeyPairResponse>>> _pairs = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<GenerateDataKeyPairWithoutPlaintextResponse>>> _hiddenPairs = new();

    /// <summary>One GenerateDataKeyPair answer per spec, under the region's symmetric key with <see cref="DataKeyPairContext"/>.</summary>
    public Task<GenerateDataKeyPairResponse> DataKeyPairAsync(string spec) =>
        _pairs.GetOrAdd(spec, s => new(async () => await For(s).GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest
        {
            KeyId = (await SymmetricKeyAsync(For(s))).KeyId,
            KeyPairSpec = new DataKeyPairSpec(s),
            EncryptionContext = DataKeyPairContext,
        }))).Value;

    /// <summary>One GenerateDataKeyPairWithoutPlaintext answer per spec, like <see cref="DataKeyPairAsync"/>.</summary>
    public Task<GenerateDataKeyPairWithoutPlaintextResponse> DataKeyPairWithoutPlaintextAsync(string spec) =>
        _hiddenPairs.GetOrAdd(spec, s => new(async () => await For(s).GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest
        {
            KeyId = (await SymmetricKeyAsync(For(s))).Arn,
            KeyPairSpec = new DataKeyPairSpec(s),
            EncryptionContext = DataKeyPairContext,
        }))).Value;

    /// <summary>The public key GetPublicKey returns (DER SubjectPublicKeyInfo).</summary>
    public async Task<byte[]> PublicKeyAsync(KeyMetadata key) =>
        (await For(key.KeySpec).GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.Arn })).PublicKey.ToArray();

    /// <summary>
    /// The key's private key (DER PKCS#8) or HMAC secret, unsealed from the data directory with the root key, as an
    /// operator could: the API never returns it, and only with it can an independent implementation sign as the key.
    /// </summary>
    public byte[] PrivateMaterial(KeyMetadata key) =>
        SealedMaterial.ReadAll(Server.DataDir).Single(m => m.KeyArn == key.Arn).Material;
}
