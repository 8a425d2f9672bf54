using System.Text;

namespace Trent.Protocol.Auth;

/// <summary>
/// The parameters of a SigV4 Authorization header, <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
/// Signature=...</c>, as ranges of the header value.
/// </summary>
/// <remarks>
/// Parameters are separated by commas and/or whitespace, as AWS separates them: a stray space inside a value
/// splits it and yields AWS's "not a valid key=value pair" error. Unknown parameters are ignored.
/// </remarks>
internal readonly struct AuthorizationHeader
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private const string Redacted = "***";
    private static readonly (int Start, int Length) Absent = (-1, 0);

    private readonly (int Start, int Length) _credential;
    private readonly (int Start, int Length) _signedHeaders;
    private readonly (int Start, int Length) _signature;

    private AuthorizationHeader(
        string value, (int, int) credential, (int, int) signedHeaders, (int, int) signature)
    {
        Value = value;
        _credential = credential;
        _signedHeaders = signedHeaders;
        _signature = signature;
    }

    public string Value { get; }

    public bool HasCredential => _credential.Start >= 0;

    public bool HasSignedHeaders => _signedHeaders.Start >= 0;

    public bool HasSignature => _signature.Start >= 0;

    public ReadOnlySpan<char> Credential => Slice(_credential);

    public ReadOnlySpan<char> SignedHeaders => Slice(_signedHeaders);

    public ReadOnlySpan<char> Signature => Slice(_signature);

    /// <summary>Splits the header into its parameters; throws IncompleteSignatureException when it cannot.</summary>
    public static AuthorizationHeader Parse(string value)
    {
        var span = value.AsSpan();
        var space = span.IndexOf(' ');
        var algorithm = space < 0 ? span : span[..space];
        if (!algorithm.SequenceEqual(Algorithm))
        {
            // Echo only what looks like an AWS scheme name: anything else may be a bearer token or a password.
            throw SigV4Errors.UnsupportedAlgorithm(
                algorithm.StartsWith("AWS", StringComparison.OrdinalIgnoreCase) && algorithm.Length <= 32
                    ? algorithm.ToString()
                    : null);
        }

        var credential = Absent;
        var signedHeaders = Absent;
        var signature = Absent;
        var afterEmptySignature = false;
        var position = algorithm.Length;
        while (NextToken(span, ref position, out var start, out var length))
        {
            var token = span.Slice(start, length);
            var equals = token.IndexOf('=');
            if (equals < 0)
            {
                throw SigV4Errors.NotKeyValuePair(afterEmptySignature ? Redacted : token.ToString(), Redact(value));
            }

            var name = token[..equals];
            var parameter = (start + equals + 1, length - equals - 1);
            if (name.SequenceEqual("Credential"))
            {
                Assign(ref credential, parameter, "Credential", value);
            }
            else if (name.SequenceEqual("SignedHeaders"))
            {
                Assign(ref signedHeaders, parameter, "SignedHeaders", value);
            }
            else if (name.SequenceEqual("Signature"))
            {
                Assign(ref signature, parameter, "Signature", value);
            }

            afterEmptySignature = IsSignatureName(name) && equals == length - 1;
        }

        return new AuthorizationHeader(value, credential, signedHeaders, signature);
    }

    /// <summary>
    /// The header with the signature replaced by <c>***</c>, for error messages: a signature replays its request
    /// for as long as the request's date is within the allowed skew.
    /// </summary>
    public static string Redact(string value)
    {
        var span = value.AsSpan();
        var space = span.IndexOf(' ');
        if (space < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var position = space;
        var copied = 0;
        var afterEmptySignature = false;
        while (NextToken(span, ref position, out var start, out var length))
        {
            result.Append(span[copied..start]);
            copied = start + length;
            var token = span.Slice(start, length);
            var equals = token.IndexOf('=');
            if (equals < 0)
            {
                result.Append(afterEmptySignature ? Redacted : token);
                afterEmptySignature = false;
                continue;
            }

            var isSignature = IsSignatureName(token[..equals]);
            result.Append(token[..(equals + 1)]);
            if (isSignature && equals < length - 1)
            {
                result.Append(Redacted);
            }
            else
            {
                result.Append(token[(equals + 1)..]);
            }

            afterEmptySignature = isSignature && equals == length - 1;
        }

        return result.Append(span[copied..]).ToString();
    }

    private static bool NextToken(ReadOnlySpan<char> span, ref int position, out int start, out int length)
    {
        while (position < span.Length && IsSeparator(span[position]))
        {
            position++;
        }

        start = position;
        while (position < span.Length && !IsSeparator(span[position]))
        {
            position++;
        }

        length = position - start;
        return length > 0;
    }

    private static bool IsSeparator(char c) => c is ',' or ' ' or '\t';

    private static bool IsSignatureName(ReadOnlySpan<char> name) =>
        name.Equals("Signature", StringComparison.OrdinalIgnoreCase);

    private static void Assign(ref (int, int) slot, (int, int) parameter, string name, string value)
    {
        if (slot.Item1 >= 0)
        {
            throw SigV4Errors.DuplicateParameter(name, Redact(value));
        }

        slot = parameter;
    }

    private ReadOnlySpan<char> Slice((int Start, int Length) range) =>
        range.Start < 0 ? default : Value.AsSpan(range.Start, range.Length);
}
