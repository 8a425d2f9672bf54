using System.Net;
using Amazon.KeyManagementService;

namespace Trent.Server.Tests.KeyManagement.Support;

/// <summary>Asserts an AWS error exactly: the SDK exception class, the wire error code, the message and HTTP 400.</summary>
public static class Expect
{
    public static async Task<TException> Error<TException>(Func<Task> call, string message)
        where TException : AmazonKeyManagementServiceException
    {
        var e = await Assert.ThrowsAsync<TException>(call);
        var code = typeof(TException) == typeof(AmazonKeyManagementServiceException) ? e.ErrorCode : typeof(TException).Name;
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(message, e.Message);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        return e;
    }

    /// <summary>An unmodeled error (ValidationException, ...): the SDK's base class with the given code.</summary>
    public static async Task<AmazonKeyManagementServiceException> Unmodeled(Func<Task> call, string errorCode, string message)
    {
        var e = await Error<AmazonKeyManagementServiceException>(call, message);
        Assert.Equal(errorCode, e.ErrorCode);
        return e;
    }

    public static Task<AmazonKeyManagementServiceException> Validation(Func<Task> call, string message) =>
        Unmodeled(call, "ValidationException", message);
}
