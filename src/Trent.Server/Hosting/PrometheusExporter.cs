using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Trent.Server.Hosting;

/// <summary>
/// Listens to one <see cref="Meter"/> instance's long counters and renders them in the Prometheus text format
/// (version 0.0.4). A listener of our own rather than prometheus-net: that package restores older
/// Microsoft.Extensions packages (NU1603, an error under warnings-as-errors), and only counters are needed so far.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, StrongBox<long>>> _series = new();

    public PrometheusExporter(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Reference equality: another host in the same process has its own meter of the same name.
            if (ReferenceEquals(instrument.Meter, meter) && instrument is Counter<long>)
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, StrongBox<long>>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (_series.TryGetValue(instrument, out var series))
        {
            var box = series.GetOrAdd(Labels(tags), static _ => new StrongBox<long>());
            Interlocked.Add(ref box.Value, value);
        }
    }

    /// <summary>The current values, one family per counter, series sorted so that the output is stable.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (instrument, series) in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal))
        {
            var name = MetricName(instrument.Name) + "_total";
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(instrument.Description ?? "")).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" counter\n");
            foreach (var (labels, box) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                text.Append(name).Append(labels).Append(' ')
                    .Append(Volatile.Read(ref box.Value).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }
        var pairs = new List<(string Name, string Value)>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add((MetricName(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }
        pairs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return "{" + string.Join(",", pairs.Select(p => $"{p.Name}=\"{EscapeLabel(p.Value)}\"")) + "}";
    }

    private static string MetricName(string name) => name.Replace('.', '_').Replace('-', '_');

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) => EscapeHelp(value).Replace("\"", "\\\"", StringComparison.Ordinal);

    public void Dispose() => _listener.Dispose();
}
