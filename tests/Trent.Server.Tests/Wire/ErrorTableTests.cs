using Trent.Core;
using Trent.Protocol.Dispatch;

namespace Trent.Server.Tests.Wire;

/// <summary>Every error code has its wire form: the bare name as <c>__type</c>, AWS's status and message casing.</summary>
public sealed class ErrorTableTests
{
    public static TheoryData<KmsErrorCode> Codes => [.. Enum.GetValues<KmsErrorCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_code_is_mapped_to_its_wire_form(KmsErrorCode code)
    {
        var wire = ErrorTable.For(code);

        Assert.Equal(code.ToString(), wire.Type);
        Assert.Equal(ExpectedStatus(code), wire.Status);
        Assert.Equal(code < KmsErrorCode.ValidationException ? "message" : "Message", wire.MessageKey);
    }

    // Digest §2.2: every client error is 400; server faults are 5xx so SDKs retry exactly those.
    private static int ExpectedStatus(KmsErrorCode code) => code switch
    {
        KmsErrorCode.KMSInternalException or KmsErrorCode.KeyUnavailableException => 500,
        KmsErrorCode.DependencyTimeoutException => 503,
        KmsErrorCode.RequestEntityTooLargeException => 413,
        _ => 400,
    };
}
