namespace Trent.Server.Hosting;

/// <summary>
/// <c>GET /metrics</c>: the host's counters in the Prometheus text format. Unauthenticated and read-only, like
/// <c>/health</c>; it carries counts only, never key ids, material or credentials.
/// </summary>
internal sealed class MetricsEndpoint(TrentMetrics metrics) : IDisposable
{
    private readonly PrometheusExporter _exporter = new(metrics.Meter);

    public static bool Matches(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path == "/metrics";

    public Task WriteAsync(HttpResponse response)
    {
        response.ContentType = PrometheusExporter.ContentType;
        return response.WriteAsync(_exporter.Render());
    }

    public void Dispose() => _exporter.Dispose();
}
