namespace Trent.Protocol.Auth;

/// <summary>The Credential parameter: <c>accessKeyId/yyyyMMdd/region/service/aws4_request</c>.</summary>
internal readonly record struct CredentialScope(
    string AccessKeyId, string Date, string Region, string Service, string Terminator)
{
    public const string ExpectedTerminator = "aws4_request";

    // Long enough for every AWS region name, short enough to keep error messages and cache keys small.
    private const int MaxRegionLength = 64;

    /// <summary>Splits the credential; throws IncompleteSignatureException unless it has exactly five elements.</summary>
    public static CredentialScope Parse(ReadOnlySpan<char> credential)
    {
        Span<Range> parts = stackalloc Range[6];
        var count = credential.Split(parts, '/');
        if (count != 5)
        {
            throw SigV4Errors.MalformedCredential(credential.Count('/') + 1);
        }

        var terminator = credential[parts[4]];
        return new CredentialScope(
            credential[parts[0]].ToString(),
            credential[parts[1]].ToString(),
            credential[parts[2]].ToString(),
            credential[parts[3]].ToString(),
            terminator.SequenceEqual(ExpectedTerminator) ? ExpectedTerminator : terminator.ToString());
    }

    /// <summary>Checks the scope against the services accepted and the request's date.</summary>
    /// <exception cref="Core.KmsException">InvalidSignatureException, with AWS's message.</exception>
    public void Validate(IReadOnlyList<string> services, RequestDate date)
    {
        if (!string.Equals(Terminator, ExpectedTerminator, StringComparison.Ordinal))
        {
            throw SigV4Errors.InvalidTerminator(Terminator);
        }

        if (!Contains(services, Service))
        {
            throw SigV4Errors.WrongService(services[0]);
        }

        if (!IsWellFormedRegion(Region))
        {
            throw SigV4Errors.InvalidRegion(Region);
        }

        var requestDay = date.Iso8601.AsSpan(0, 8);
        if (!requestDay.SequenceEqual(Date))
        {
            throw SigV4Errors.ScopeDateMismatch(Date, requestDay.ToString(), date.HeaderValue);
        }
    }

    /// <summary><c>^[a-z]{2}(-[a-z]+)+-[0-9]+$</c>: us-east-1, us-gov-west-1, cn-north-1, eu-central-2, ...</summary>
    private static bool IsWellFormedRegion(ReadOnlySpan<char> region)
    {
        if (region.Length > MaxRegionLength)
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[MaxRegionLength / 2 + 1];
        var count = region.Split(parts, '-');
        if (count < 3 || region[parts[0]].Length != 2 || region[parts[0]].ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        for (var i = 1; i < count - 1; i++)
        {
            var word = region[parts[i]];
            if (word.IsEmpty || word.ContainsAnyExceptInRange('a', 'z'))
            {
                return false;
            }
        }

        var number = region[parts[count - 1]];
        return !number.IsEmpty && !number.ContainsAnyExceptInRange('0', '9');
    }

    private static bool Contains(IReadOnlyList<string> services, string service)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (string.Equals(services[i], service, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
