using Trent.Core.Crypto;

namespace Trent.Core.Tests;

/// <summary>A deterministic random stream: byte i is i mod 251, as the golden-vector generator assumes.</summary>
public sealed class CountingRandom : IRandomSource
{
    private int _next;

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(_next++ % 251);
        }
    }
}
