namespace Trent.Core;

/// <summary>The one exception type for client-visible errors; the message is what the client sees.</summary>
public sealed class KmsException(KmsErrorCode code, string? message = null) : Exception(message ?? string.Empty)
{
    public KmsErrorCode Code { get; } = code;

    /// <summary>Null when AWS sends the error without a message (InvalidCiphertextException, ...).</summary>
    public string? WireMessage { get; } = message;

    /// <summary>Operator-facing detail (an authorization explanation); logged at debug level, never sent to the client.</summary>
    public string? Detail { get; set; }

    public static KmsException Validation(string message) => new(KmsErrorCode.ValidationException, message);

    public static KmsException NotFound(string message) => new(KmsErrorCode.NotFoundException, message);

    public static KmsException InvalidState(string message) => new(KmsErrorCode.KMSInvalidStateException, message);
}
