using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Protocol.Validation;
using Trent.Server.Tests.KeyManagement.Support;
using Trent.Server.Tests.KeySpecs;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;
using Asymmetric = Trent.Core.Crypto.Asymmetric;
using Domain = Trent.Core.Keys;

namespace Trent.Server.Tests.Docs;

/// <summary>
/// The README's key-spec table matches Trent's KeySpecTable, and a real server does what each row claims: it creates
/// the key, lists the row's algorithms, performs each of them, and refuses the usages and algorithms the table leaves
/// out. Set <c>TRENT_UPDATE_DOCS=1</c> to rewrite the table instead of failing.
/// </summary>
[Collection(KeySpecCollection.Name)]
public sealed class KeySpecsTableTests(KeySpecServer fx)
{
    public static TheoryData<string, string> TableRows() => Theory(KeySpecsTable.Rows().Select(r => (r.Spec.ToString(), r.Usage.ToString())));

    public static TheoryData<string, string> UsagesNotInTheTable() =>
        Theory(Enum.GetValues<Domain.KeySpec>().SelectMany(s => Enum.GetValues<Domain.KeyUsage>().Select(u => (s, u)))
            .Where(p => !KeySpecsTable.Rows().Any(r => r.Spec == p.s && r.Usage == p.u))
            .Select(p => (p.s.ToString(), p.u.ToString())));

    [Fact]
    public void The_README_key_spec_table_lists_every_key_spec_with_its_usages_and_algorithms()
    {
        var path = Path.Combine(OperationsTable.RepositoryRoot(), "README.md");
        var document = File.ReadAllText(path);
        var expected = KeySpecsTable.Block();

        if (Environment.GetEnvironmentVariable("TRENT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, KeySpecsTable.Replace(document, expected));
            return;
        }

        Assert.True(
            KeySpecsTable.Current(document) == expected,
            $"README.md's key spec table is out of date. Run the tests with TRENT_UPDATE_DOCS=1, or replace the block with:\n\n{expected}\n");
    }

    [Fact]
    public void The_table_covers_every_key_spec_and_key_usage_of_the_AWS_model()
    {
        var input = Wire.KmsModel.Input("CreateKey");
        var modelSpecs = ((StringShape)input.ByName["KeySpec"].Shape).Enum!.Order(StringComparer.Ordinal);
        var modelUsages = ((StringShape)input.ByName["KeyUsage"].Shape).Enum!.Order(StringComparer.Ordinal);
        var rows = KeySpecsTable.Rows().ToList();

        Assert.Equal(modelSpecs, rows.Select(r => r.Spec.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(modelUsages, rows.Select(r => r.Usage.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.NotEmpty(r.Algorithms));
        var block = KeySpecsTable.Block();
        Assert.All(rows, r => Assert.Contains($"| {r.Spec} | {r.Usage} | ", block, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TableRows))]
    public async Task A_server_creates_the_key_of_every_row_lists_its_algorithms_and_performs_each_of_them(string spec, string usage)
    {
        var kms = fx.For(spec);
        var key = await fx.KeyAsync(spec, usage);
        var algorithms = KeySpecsTable.Algorithms(Enum.Parse<Domain.KeySpec>(spec), Enum.Parse<Domain.KeyUsage>(usage));

        var described = (await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.Arn })).KeyMetadata;
        Assert.Equal(algorithms, usage switch
        {
            "ENCRYPT_DECRYPT" => described.EncryptionAlgorithms,
            "SIGN_VERIFY" => described.SigningAlgorithms,
            "GENERATE_VERIFY_MAC" => described.MacAlgorithms,
            _ => described.KeyAgreementAlgorithms,
        });

        foreach (var algorithm in algorithms)
        {
            switch (usage)
            {
                case "ENCRYPT_DECRYPT":
                    await EncryptAndDecryptAsync(kms, key, algorithm);
                    break;
                case "SIGN_VERIFY":
                    await SignAndVerifyAsync(kms, key, algorithm);
                    break;
                case "GENERATE_VERIFY_MAC":
                    var mac = await kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(Message) });
                    Assert.True((await kms.VerifyMacAsync(new VerifyMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(Message), Mac = Stream(Bytes(mac.Mac)) })).MacValid);
                    break;
                default:
                    await AgreeAsync(kms, key, spec, algorithm);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(TableRows))]
    public async Task A_server_refuses_the_algorithms_a_row_does_not_list(string spec, string usage)
    {
        var kms = fx.For(spec);
        var key = await fx.KeyAsync(spec, usage);
        var listed = KeySpecsTable.Algorithms(Enum.Parse<Domain.KeySpec>(spec), Enum.Parse<Domain.KeyUsage>(usage));

        var others = usage switch
        {
            "ENCRYPT_DECRYPT" => Enum.GetNames<Domain.EncryptionAlgorithm>(),
            "SIGN_VERIFY" => Enum.GetNames<Asymmetric.SigningAlgorithm>(),
            "GENERATE_VERIFY_MAC" => Enum.GetNames<Asymmetric.MacAlgorithm>(),
            _ => [],
        };
        foreach (var algorithm in others.Except(listed))
        {
            Func<Task> call = usage switch
            {
                "ENCRYPT_DECRYPT" => () => kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Message), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) }),
                "SIGN_VERIFY" => () => kms.SignAsync(key, algorithm, Message),
                _ => () => kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(Message) }),
            };
            await InvalidKeyUsage(call, Incompatible(algorithm, spec));
        }
    }

    [Theory]
    [MemberData(nameof(UsagesNotInTheTable))]
    public async Task A_server_refuses_to_create_a_key_of_a_usage_the_table_does_not_list(string spec, string usage)
    {
        await Expect.Validation(
            () => fx.For(spec).CreateKeyAsync(new CreateKeyRequest { KeySpec = new KeySpec(spec), KeyUsage = new KeyUsageType(usage) }),
            $"KeyUsage {usage} is not compatible with KeySpec {spec}");
    }

    private static async Task EncryptAndDecryptAsync(IAmazonKeyManagementService kms, KeyMetadata key, string algorithm)
    {
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Message), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) });
        var decrypted = await kms.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = Stream(Bytes(encrypted.CiphertextBlob)), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) });
        Assert.Equal(Message, Bytes(decrypted.Plaintext));
    }

    /// <summary>Sign and Verify in every MessageType the table gives the algorithm; a changed input does not verify.</summary>
    private static async Task SignAndVerifyAsync(IAmazonKeyManagementService kms, KeyMetadata key, string algorithm)
    {
        foreach (var type in KeySpecsTable.MessageTypes(algorithm))
        {
            var input = type == Asymmetric.MessageType.RAW ? Message : RandomNumberGenerator.GetBytes(Asymmetric.AlgorithmRules.DigestLength(Enum.Parse<Asymmetric.SigningAlgorithm>(algorithm)));
            var signature = Bytes((await kms.SignAsync(key, algorithm, input, type.ToString())).Signature);
            Assert.True((await kms.VerifyAsync(key, algorithm, input, signature, type.ToString())).SignatureValid);
            var changed = input.ToArray();
            changed[0] ^= 1;
            await NoMessageError<KMSInvalidSignatureException>(() => kms.VerifyAsync(key, algorithm, changed, signature, type.ToString()));
        }
    }

    /// <summary>Two keys of the row agree on a secret: each derives it from the other's public key.</summary>
    private async Task AgreeAsync(IAmazonKeyManagementService kms, KeyMetadata key, string spec, string algorithm)
    {
        var other = await fx.NewKeyAsync(spec, "KEY_AGREEMENT", "the other party of the table check");
        async Task<byte[]> DeriveAsync(KeyMetadata from, KeyMetadata to) => Bytes((await kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = from.Arn,
            KeyAgreementAlgorithm = new KeyAgreementAlgorithmSpec(algorithm),
            PublicKey = Stream(await fx.PublicKeyAsync(to)),
        })).SharedSecret);
        Assert.Equal(await DeriveAsync(key, other), await DeriveAsync(other, key));
    }
}
