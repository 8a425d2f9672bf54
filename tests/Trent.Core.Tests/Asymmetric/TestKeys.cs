using System.Collections.Concurrent;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Trent.Core.Tests.Wycheproof;

namespace Trent.Core.Tests.Asymmetric;

/// <summary>
/// One key pair per spec for the whole test run. RSA pairs come from the Wycheproof OAEP files because RSA-4096
/// generation takes seconds on a small machine; the data key pair tests still exercise RSA generation.
/// </summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<KeySpec, Lazy<KeyPairMaterial>> Pairs = new();

    public static KeyPairMaterial Pair(KeySpec spec) =>
        Pairs.GetOrAdd(spec, s => new Lazy<KeyPairMaterial>(() => Create(s))).Value;

    private static KeyPairMaterial Create(KeySpec spec)
    {
        if (spec is not (KeySpec.RSA_2048 or KeySpec.RSA_3072 or KeySpec.RSA_4096))
        {
            return KeyMaterialGenerator.GenerateKeyPair(spec, SystemRandomSource.Instance);
        }
        var bits = spec.ToString()[4..];
        var file = VectorFile.Load($"rsa_oaep_{bits}_sha256_mgf1sha256_test.json");
        var pkcs8 = file.Groups.First().Hex("privateKeyPkcs8");
        using var key = AsymmetricKey.Import(spec, pkcs8);
        return new KeyPairMaterial(pkcs8, key.PublicKey.ToArray());
    }

    /// <summary>A fresh key object over the shared material; the caller disposes it.</summary>
    public static AsymmetricKey Key(KeySpec spec) => AsymmetricKey.Import(spec, Pair(spec).PrivateKey);

    public static IEnumerable<KeySpec> AsymmetricSpecs =>
        Enum.GetValues<KeySpec>().Where(s => s != KeySpec.SYMMETRIC_DEFAULT && !MacKeys.IsMacSpec(s));

    public static TheoryData<KeySpec> AllAsymmetricSpecs() => new(AsymmetricSpecs);

    /// <summary>Every (key spec, signing algorithm) pair KeySpecTable allows.</summary>
    public static TheoryData<KeySpec, SigningAlgorithm> SigningPairs()
    {
        var data = new TheoryData<KeySpec, SigningAlgorithm>();
        foreach (var entry in KeySpecTable.All)
        {
            foreach (var algorithm in entry.SigningAlgorithms)
            {
                data.Add(entry.Spec, Enum.Parse<SigningAlgorithm>(algorithm));
            }
        }
        return data;
    }
}
