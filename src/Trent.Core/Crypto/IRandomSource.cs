using System.Security.Cryptography;

namespace Trent.Core.Crypto;

/// <summary>The one source of randomness; tests inject a deterministic one.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}

/// <summary>
/// The operating system's CSPRNG (through OpenSSL). Small requests are served from a per-thread block of 4 KiB drawn
/// in one call, because each call pays a fixed cost several times that of producing 44 bytes; handed-out bytes are
/// wiped from the block at once, so it never holds a value that was already used.
/// </summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static readonly SystemRandomSource Instance = new();

    private const int BlockSize = 4096;
    private const int LargeRequest = 512;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    public void Fill(Span<byte> buffer)
    {
        if (buffer.Length > LargeRequest)
        {
            RandomNumberGenerator.Fill(buffer);
            return;
        }
        var block = t_block;
        if (block is null || BlockSize - t_used < buffer.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }
        var source = block.AsSpan(t_used, buffer.Length);
        source.CopyTo(buffer);
        CryptographicOperations.ZeroMemory(source);
        t_used += buffer.Length;
    }
}
