using Trent.Core;
using Trent.Core.Identity.Iam;
using Trent.Protocol.Query;

namespace Trent.Protocol.Tests.Query;

public sealed class QueryErrorsTests
{
    [Theory]
    [InlineData(KmsErrorCode.UnrecognizedClientException, "InvalidClientTokenId", 403)]
    [InlineData(KmsErrorCode.InvalidSignatureException, "SignatureDoesNotMatch", 403)]
    [InlineData(KmsErrorCode.IncompleteSignatureException, "IncompleteSignature", 400)]
    [InlineData(KmsErrorCode.MissingAuthenticationTokenException, "MissingAuthenticationToken", 403)]
    [InlineData(KmsErrorCode.ExpiredTokenException, "ExpiredToken", 400)]
    [InlineData(KmsErrorCode.AccessDeniedException, "AccessDenied", 403)]
    [InlineData(KmsErrorCode.ValidationException, "ValidationError", 400)]
    [InlineData(KmsErrorCode.SerializationException, "ValidationError", 400)]
    [InlineData(KmsErrorCode.UnknownOperationException, "InvalidAction", 400)]
    public void Authentication_and_front_end_errors_take_the_Query_protocols_codes(KmsErrorCode code, string queryCode, int status)
    {
        var error = QueryErrors.From(new KmsException(code, "message"));

        Assert.Equal((queryCode, status, "message"), (error.Code, error.Status, error.Message));
        Assert.Equal("Sender", error.Type);
    }

    [Theory]
    [InlineData(IamErrorCode.NoSuchEntity, 404)]
    [InlineData(IamErrorCode.EntityAlreadyExists, 409)]
    [InlineData(IamErrorCode.DeleteConflict, 409)]
    [InlineData(IamErrorCode.LimitExceeded, 409)]
    [InlineData(IamErrorCode.MalformedPolicyDocument, 400)]
    [InlineData(IamErrorCode.ValidationError, 400)]
    [InlineData(IamErrorCode.InvalidInput, 400)]
    public void Every_IAM_error_has_the_status_IAM_gives_it(IamErrorCode code, int status)
    {
        var error = QueryErrors.From(new IamException(code, "m"));

        Assert.Equal((code.ToString(), status), (error.Code, error.Status));
    }

    [Fact]
    public void An_internal_error_is_the_receivers_fault_and_names_only_the_request_id()
    {
        var error = QueryErrors.Internal("req-1");

        Assert.Equal(("InternalFailure", 500, "Receiver", "An internal error occurred. Request id: req-1"), (error.Code, error.Status, error.Type, error.Message));
    }
}
