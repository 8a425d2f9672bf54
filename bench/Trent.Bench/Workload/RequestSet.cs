using System.Text;
using Trent.Bench.Signing;

namespace Trent.Bench.Workload;

/// <summary>
/// Pre-signed requests of one operation, one per key, replayed by the load generator. AWS accepts a signature for
/// 5 minutes either way of its date; the set re-signs itself (outside any timed window, or from a background timer in
/// sustained mode) well before that.
/// </summary>
public sealed class RequestSet
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(90);

    private readonly SigV4Signer _signer;
    private readonly byte[][] _bodies;
    private byte[][] _signed = [];
    private DateTime _signedAt = DateTime.MinValue;

    public RequestSet(SigV4Signer signer, BenchOperation operation, IReadOnlyList<byte[]> bodies)
    {
        _signer = signer;
        Operation = operation;
        _bodies = [.. bodies];
        Refresh();
    }

    public BenchOperation Operation { get; }

    /// <summary>The current signed requests; swapped whole when re-signed, so readers never see a half-signed set.</summary>
    public byte[][] Current => Volatile.Read(ref _signed);

    public static RequestSet For(SigV4Signer signer, BenchOperation operation, BenchKeys keys)
    {
        var ids = keys.For(operation.Keys);
        var bodies = operation.Keys == KeyKind.None
            ? [Encoding.UTF8.GetBytes(operation.Body("", null))]
            : ids.Select((id, i) => Encoding.UTF8.GetBytes(operation.Body(id, operation == BenchOperation.Decrypt ? keys.Ciphertexts[i] : null))).ToList();
        return new RequestSet(signer, operation, bodies);
    }

    /// <summary>Re-signs when the signatures are getting old; cheap to call often.</summary>
    public void Refresh()
    {
        var now = DateTime.UtcNow;
        if (now - _signedAt < MaxAge)
        {
            return;
        }
        var signed = new byte[_bodies.Length][];
        for (var i = 0; i < _bodies.Length; i++)
        {
            signed[i] = _signer.Sign(Operation.Name, _bodies[i], now);
        }
        _signedAt = now;
        Volatile.Write(ref _signed, signed);
    }
}
