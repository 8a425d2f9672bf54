namespace Trent.Bench.Workload;

/// <summary>The keys a target was given, and for Decrypt one ciphertext per symmetric key.</summary>
public sealed class BenchKeys
{
    public string[] Symmetric { get; init; } = [];

    /// <summary>Parallel to <see cref="Symmetric"/>; empty when Decrypt is not measured.</summary>
    public string[] Ciphertexts { get; init; } = [];

    public string[] Ecc { get; init; } = [];

    public string[] Hmac { get; init; } = [];

    /// <summary>Kinds of key the target could not create, with its answer (Sign or GenerateMac are then n/a).</summary>
    public Dictionary<KeyKind, string> Unavailable { get; } = [];

    /// <summary>Symmetric CreateKey calls per second during setup (one connection).</summary>
    public double CreateKeyPerSecond { get; init; }

    public string[] For(KeyKind kind) => kind switch
    {
        KeyKind.Symmetric => Symmetric,
        KeyKind.EccP256 => Ecc,
        KeyKind.Hmac256 => Hmac,
        _ => [],
    };
}
