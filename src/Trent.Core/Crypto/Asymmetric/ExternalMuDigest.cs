using System.Reflection;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// Lets BouncyCastle's MLDsaSigner sign or verify a caller-supplied μ (FIPS 204 external μ, KMS's EXTERNAL_MU).
/// BouncyCastle 2.7 has no public API for it: its signer absorbs tr ‖ M′ into a private SHAKE256 and squeezes the
/// 64-byte μ from it. Swapped in for that digest, this one hands out the given μ at the first squeeze and is plain
/// SHAKE256 afterwards (the rest of signing and verifying hashes with it too). The Wycheproof external-μ vectors pin
/// this; a BouncyCastle upgrade that breaks it fails them, and a missing field fails at first use.
/// </summary>
internal sealed class ExternalMuDigest : ShakeDigest
{
    private const int MuLength = 64;

    private static readonly FieldInfo? SignerDigest =
        typeof(MLDsaSigner).GetField("m_msgRepDigest", BindingFlags.NonPublic | BindingFlags.Instance);

    private byte[]? _mu;

    private ExternalMuDigest() : base(256)
    {
    }

    /// <summary>A signer, initialized with the key, whose next signature or verification uses μ as its message representative.</summary>
    public static MLDsaSigner Signer(MLDsaParameters parameters, bool forSigning, Org.BouncyCastle.Crypto.ICipherParameters key, ReadOnlySpan<byte> mu)
    {
        if (SignerDigest?.FieldType != typeof(ShakeDigest))
        {
            throw new InvalidOperationException("This BouncyCastle version's MLDsaSigner cannot take an external mu.");
        }
        var signer = new MLDsaSigner(parameters, deterministic: false);
        var digest = new ExternalMuDigest();
        SignerDigest.SetValue(signer, digest);
        signer.Init(forSigning, key);
        digest._mu = mu.ToArray();
        return signer;
    }

    public override int OutputFinal(byte[] output, int outOff, int outLen) =>
        _mu is null ? base.OutputFinal(output, outOff, outLen) : HandOut(output.AsSpan(outOff, outLen));

    public override int OutputFinal(Span<byte> output) => _mu is null ? base.OutputFinal(output) : HandOut(output);

    public override int DoFinal(byte[] output, int outOff) =>
        _mu is null ? base.DoFinal(output, outOff) : HandOut(output.AsSpan(outOff, MuLength));

    public override int DoFinal(Span<byte> output) => _mu is null ? base.DoFinal(output) : HandOut(output[..MuLength]);

    private int HandOut(Span<byte> output)
    {
        var mu = _mu!;
        _mu = null;
        if (output.Length != MuLength)
        {
            throw new InvalidOperationException("MLDsaSigner squeezed a message representative of an unexpected length.");
        }
        mu.CopyTo(output);
        Reset();
        return MuLength;
    }
}
