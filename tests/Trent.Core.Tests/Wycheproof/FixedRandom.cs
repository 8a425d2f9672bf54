using Org.BouncyCastle.Security;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>A SecureRandom that always returns the same bytes: replays a signature's fixed rnd.</summary>
internal sealed class FixedRandom(byte[] bytes) : SecureRandom
{
    public override void NextBytes(byte[] buf) => NextBytes(buf.AsSpan());

    public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = bytes[i % bytes.Length];
        }
    }
}
