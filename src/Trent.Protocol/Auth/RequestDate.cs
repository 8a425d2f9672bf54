using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Trent.Protocol.Auth;

/// <summary>When the request says it was signed: the X-Amz-Date header, or else the Date header.</summary>
/// <param name="Iso8601">The instant as SigV4 writes it (<c>20150830T123600Z</c>), for the string to sign.</param>
/// <param name="HeaderValue">The header's value as sent, for error messages.</param>
/// <param name="FromAmzDate">True when X-Amz-Date carried it, false for Date.</param>
internal readonly record struct RequestDate(DateTimeOffset Value, string Iso8601, string HeaderValue, bool FromAmzDate)
{
    public const string AmzDateHeader = "X-Amz-Date";
    public const string DateHeader = "Date";

    private const string Iso8601Basic = "yyyyMMdd'T'HHmmss'Z'";

    // RFC 1123 as HTTP sends it, and with the numeric UTC zone that botocore's Date-header signing writes.
    private static readonly string[] HttpDateFormats =
    [
        "r",
        "ddd, dd MMM yyyy HH':'mm':'ss '-0000'",
        "ddd, dd MMM yyyy HH':'mm':'ss '+0000'",
    ];

    /// <summary>The raw date header the signature relies on, or false when the request has neither.</summary>
    public static bool TryFind(IHeaderDictionary headers, out StringValues value, out bool fromAmzDate)
    {
        fromAmzDate = headers.TryGetValue(AmzDateHeader, out value) && !StringValues.IsNullOrEmpty(value);
        return fromAmzDate || (headers.TryGetValue(DateHeader, out value) && !StringValues.IsNullOrEmpty(value));
    }

    /// <summary>Parses the header found by <see cref="TryFind"/>; throws IncompleteSignatureException.</summary>
    public static RequestDate Parse(StringValues value, bool fromAmzDate)
    {
        // Several headers of one name arrive as several values: never a valid date.
        var text = value.ToString();
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (fromAmzDate)
        {
            if (!DateTimeOffset.TryParseExact(text, Iso8601Basic, CultureInfo.InvariantCulture, styles, out var amzDate))
            {
                throw SigV4Errors.MalformedAmzDate(text);
            }

            return new RequestDate(amzDate, text, text, FromAmzDate: true);
        }

        if (!DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture, styles, out var date))
        {
            throw SigV4Errors.MalformedHttpDate(text);
        }

        return new RequestDate(date, SigV4Errors.Format(date), text, FromAmzDate: false);
    }
}
