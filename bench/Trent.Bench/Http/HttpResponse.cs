namespace Trent.Bench.Http;

/// <summary>A response's status and body; the body points into the connection's buffer and is valid until its next request.</summary>
public readonly record struct HttpResponse(int Status, ReadOnlyMemory<byte> Body);
