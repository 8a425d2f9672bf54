namespace Trent.Core.Crypto.Asymmetric;

/// <summary>A key pair as KMS hands it out: DER PKCS#8 PrivateKeyInfo (the caller zeroes it) and DER SubjectPublicKeyInfo.</summary>
public sealed record KeyPairMaterial(byte[] PrivateKey, byte[] PublicKey);
