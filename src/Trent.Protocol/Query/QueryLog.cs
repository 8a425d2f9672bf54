using Microsoft.Extensions.Logging;

namespace Trent.Protocol.Query;

/// <summary>The Query pipeline's log messages; never a parameter value, header value or secret.</summary>
internal static partial class QueryLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Request {RequestId} ({Service} {Action}) failed with an internal error")]
    public static partial void InternalError(ILogger logger, string requestId, string service, string? action, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Request {RequestId} ({Service} {Action}) refused: {ErrorCode}")]
    public static partial void Refused(ILogger logger, string requestId, string service, string? action, string errorCode);
}
