using System.Collections.Frozen;
using Trent.Core;

namespace Trent.Protocol.Dispatch;

/// <summary>How each error code goes on the wire: HTTP status and the casing of the message member.</summary>
public static class ErrorTable
{
    public readonly record struct WireError(string Type, int Status, string MessageKey);

    private static readonly FrozenDictionary<KmsErrorCode, WireError> Entries =
        Enum.GetValues<KmsErrorCode>().ToFrozenDictionary(code => code, Describe);

    public static WireError For(KmsErrorCode code) => Entries[code];

    private static WireError Describe(KmsErrorCode code)
    {
        // Real KMS answers every client error with 400; only server-side faults use 5xx, so SDKs retry exactly those.
        var status = code switch
        {
            KmsErrorCode.KMSInternalException or KmsErrorCode.KeyUnavailableException => 500,
            KmsErrorCode.DependencyTimeoutException => 503,
            KmsErrorCode.RequestEntityTooLargeException => 413,
            _ => 400,
        };
        // Modeled KMS errors carry "message"; front-end errors are seen with "Message".
        var messageKey = code < KmsErrorCode.ValidationException ? "message" : "Message";
        return new WireError(code.ToString(), status, messageKey);
    }
}
