using System.Globalization;
using Trent.Core;

namespace Trent.Protocol.Auth;

/// <summary>The client-visible authentication errors, worded as AWS words them where the wording is known.</summary>
/// <remarks>
/// Messages may echo the Authorization header only in its redacted form (<see cref="AuthorizationHeader.Redact"/>):
/// they end up in logs and the audit trail.
/// </remarks>
internal static class SigV4Errors
{
    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static KmsException MissingAuthenticationToken() =>
        new(KmsErrorCode.MissingAuthenticationTokenException, "Missing Authentication Token");

    public static KmsException QueryAuthenticationUnsupported() =>
        Incomplete("Query-string (presigned) authentication is not supported; sign the request with an Authorization header.");

    public static KmsException MultipleAuthorizationHeaders() =>
        Incomplete("The request carries more than one Authorization header.");

    public static KmsException UnsupportedAlgorithm(string? algorithm) =>
        Incomplete(algorithm is null
            ? $"Unsupported authorization scheme. Only '{AuthorizationHeader.Algorithm}' (Signature Version 4) is accepted."
            : $"Unsupported AWS 'algorithm': '{algorithm}'. Only '{AuthorizationHeader.Algorithm}' (Signature Version 4) is accepted.");

    public static KmsException NotKeyValuePair(string token, string redactedHeader) =>
        Incomplete($"'{token}' not a valid key=value pair (missing equal-sign) in Authorization header: '{redactedHeader}'.");

    public static KmsException DuplicateParameter(string name, string redactedHeader) =>
        Incomplete($"Authorization header has more than one '{name}' parameter. Authorization={redactedHeader}");

    public static KmsException MissingParts(
        bool credential, bool signature, bool signedHeaders, bool date, string redactedHeader)
    {
        var message = string.Concat(
            credential ? "Authorization header requires 'Credential' parameter. " : "",
            signature ? "Authorization header requires 'Signature' parameter. " : "",
            signedHeaders ? "Authorization header requires 'SignedHeaders' parameter. " : "",
            date ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " : "",
            "Authorization=",
            redactedHeader);
        return Incomplete(message);
    }

    public static KmsException MalformedSignature(string redactedHeader) =>
        Incomplete($"Authorization header 'Signature' parameter must be 64 lowercase hexadecimal characters. Authorization={redactedHeader}");

    // AWS echoes the whole credential here; it is left out because clients that swap the access key id and
    // the secret send the secret in this position.
    public static KmsException MalformedCredential(int elements) =>
        Incomplete(string.Create(
            CultureInfo.InvariantCulture,
            $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got {elements}."));

    public static KmsException MalformedAmzDate(string value) =>
        Incomplete($"Date must be in ISO-8601 'basic format'. Got '{value}'. See http://en.wikipedia.org/wiki/ISO_8601");

    public static KmsException MalformedHttpDate(string value) =>
        Incomplete($"Date must be an RFC 1123 date, e.g. 'Sun, 30 Aug 2015 12:36:00 GMT'. Got '{value}'.");

    public static KmsException InvalidTerminator(string terminator) =>
        Invalid($"Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'.");

    public static KmsException WrongService(string expected) =>
        Invalid($"Credential should be scoped to correct service: '{expected}'. ");

    public static KmsException InvalidRegion(string region) =>
        Invalid($"Credential should be scoped to a valid region, not '{region}'. ");

    public static KmsException ScopeDateMismatch(string scopeDate, string requestDate, string rawDate) =>
        Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{requestDate}', from '{rawDate}'.");

    public static KmsException HostNotSigned() =>
        Invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

    // Not an AWS requirement: an unsigned target would let a captured request be replayed as another operation
    // with the same body. botocore and the AWS SDKs sign every header they send, so they always sign it.
    public static KmsException TargetNotSigned() =>
        Invalid("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");

    public static KmsException DateNotSigned(bool amzDate) =>
        Invalid(amzDate
            ? "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization."
            : "'Date' must be a 'SignedHeader' in the AWS Authorization.");

    public static KmsException Expired(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan skew) =>
        Invalid($"Signature expired: {Format(signedAt)} is now earlier than {Format(now - skew)} ({Format(now)} - {Minutes(skew)} min.)");

    public static KmsException NotYetCurrent(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan skew) =>
        Invalid($"Signature not yet current: {Format(signedAt)} is still later than {Format(now + skew)} ({Format(now)} + {Minutes(skew)} min.)");

    public static KmsException InvalidSecurityToken() =>
        new(KmsErrorCode.UnrecognizedClientException, "The security token included in the request is invalid.");

    public static KmsException ExpiredToken() =>
        new(KmsErrorCode.ExpiredTokenException, "The security token included in the request is expired");

    public static KmsException SignatureMismatch() =>
        Invalid("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan skew) => skew.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture);

    private static KmsException Incomplete(string message) => new(KmsErrorCode.IncompleteSignatureException, message);

    private static KmsException Invalid(string message) => new(KmsErrorCode.InvalidSignatureException, message);
}
