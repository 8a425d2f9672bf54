namespace Trent.Bench.Workload;

/// <summary>The kind of KMS key an operation needs.</summary>
public enum KeyKind
{
    None,
    Symmetric,
    EccP256,
    Hmac256,
}
