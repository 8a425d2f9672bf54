using Microsoft.AspNetCore.Http;

namespace Trent.Protocol.Auth;

/// <summary>The parts of an HTTP request that a SigV4 signature covers.</summary>
/// <param name="RawPath">The path exactly as on the request line, still percent-encoded.</param>
/// <param name="RawQuery">The query string without the leading '?'; empty when there is none.</param>
public readonly record struct SigV4Request(
    string Method,
    string RawPath,
    string RawQuery,
    IHeaderDictionary Headers,
    ReadOnlyMemory<byte> Body);
