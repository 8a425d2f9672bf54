namespace Trent.Core.Crypto.Asymmetric;

/// <summary>The object identifiers of the key encodings Trent reads and writes.</summary>
internal static class Oids
{
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string P256 = "1.2.840.10045.3.1.7";
    public const string P384 = "1.3.132.0.34";
    public const string P521 = "1.3.132.0.35";
    public const string Secp256k1 = "1.3.132.0.10";
    public const string Sm2P256v1 = "1.2.156.10197.1.301";
    public const string Ed25519 = "1.3.101.112";
    public const string MlDsa44 = "2.16.840.1.101.3.4.3.17";
    public const string MlDsa65 = "2.16.840.1.101.3.4.3.18";
    public const string MlDsa87 = "2.16.840.1.101.3.4.3.19";
}
