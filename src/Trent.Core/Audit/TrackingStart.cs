using Trent.Core.Storage;

namespace Trent.Core.Audit;

/// <summary>
/// When this deployment started tracking key usage: set once, on the first start that tracks, and kept in the store so
/// that every node and every restart reports the same TrackingStartDate.
/// </summary>
public sealed class TrackingStart(IMetaStore meta, TimeProvider clock)
{
    private const string Name = "key_usage_tracking_started";
    private DateTimeOffset? _value;

    public async ValueTask<DateTimeOffset> GetAsync(CancellationToken ct = default)
    {
        if (_value is { } known)
        {
            return known;
        }
        var now = clock.UtcNowMillis().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = await meta.GetOrSetAsync(Name, now, ct);
        var value = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(stored, System.Globalization.CultureInfo.InvariantCulture));
        _value = value;
        return value;
    }
}
