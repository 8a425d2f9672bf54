using Microsoft.Extensions.Logging;

namespace Trent.Protocol.Dispatch;

/// <summary>The pipeline's log messages; never a request body, header value or secret.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Request {RequestId} ({Operation}) failed with an internal error")]
    public static partial void InternalError(ILogger logger, string requestId, string? operation, Exception exception);

    // The detail is an authorization explanation: statement labels and condition names, never request values.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Request {RequestId} ({Operation}) refused: {ErrorType}\n{Detail}")]
    public static partial void Refused(ILogger logger, string requestId, string? operation, string errorType, string detail);
}
