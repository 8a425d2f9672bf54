namespace Trent.Server.Hosting;

/// <summary>
/// Counts one storage call of a port, tagged with the port, the operation and the source: <c>request</c> for calls
/// made while serving requests, <c>maintenance</c> for the background sweep, so that the request path's count can be
/// read apart from the periodic sweep's.
/// </summary>
internal sealed class StorageCallCounter(TrentMetrics metrics, string port, string source)
{
    public const string Request = "request";
    public const string Maintenance = "maintenance";

    // Tags hold only constant names: key ids, aliases and access key ids never reach the metrics endpoint.
    public void Add(string operation) =>
        metrics.StorageCalls.Add(1,
            new KeyValuePair<string, object?>("port", port),
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("source", source));
}
