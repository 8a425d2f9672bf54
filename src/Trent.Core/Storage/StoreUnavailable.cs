namespace Trent.Core.Storage;

/// <summary>
/// The error for a store that cannot be reached or did not answer in time: AWS's DependencyTimeoutException (503), which
/// SDKs retry. Caches recognize it to serve what they hold while the store is away.
/// </summary>
public static class StoreUnavailable
{
    public const string Message = "The request could not be completed because the key store did not respond in time. Retry the request.";

    public static KmsException Exception(string detail) => new(KmsErrorCode.DependencyTimeoutException, Message) { Detail = detail };

    public static bool Is(Exception e) => e is KmsException { Code: KmsErrorCode.DependencyTimeoutException };
}
