using System.Security.Cryptography;

namespace Trent.Core.Crypto;

/// <summary>The one source of randomness; tests inject a deterministic one.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}

/// <summary>The operating system's CSPRNG.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static readonly SystemRandomSource Instance = new();

    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
