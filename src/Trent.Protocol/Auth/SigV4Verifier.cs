using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Trent.Core.Identity;

namespace Trent.Protocol.Auth;

/// <summary>Authenticates requests signed with AWS Signature Version 4 in the Authorization header.</summary>
/// <remarks>
/// Check order: the header's syntax and the date (IncompleteSignatureException), then the credential scope,
/// the required signed headers and the clock skew (InvalidSignatureException), then the access key
/// (UnrecognizedClientException), and last the signature itself.
/// </remarks>
public sealed class SigV4Verifier
{
    private const int DefaultCacheCapacity = 4096;
    private const int MaxServiceNameLength = 64;
    private const int MaxAccessKeyIdLength = 128;
    private const string SecurityTokenHeader = "X-Amz-Security-Token";
    private const string TargetHeader = "x-amz-target";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> ServiceNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> AccessKeyIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private readonly IAccessKeySource _keys;
    private readonly TimeProvider _clock;
    private readonly SigV4Options _options;
    private readonly SigningKeyCache _cache;

    public SigV4Verifier(IAccessKeySource keys, TimeProvider clock, SigV4Options options)
        : this(keys, clock, options, new SigningKeyCache(DefaultCacheCapacity))
    {
    }

    internal SigV4Verifier(IAccessKeySource keys, TimeProvider clock, SigV4Options options, SigningKeyCache cache)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Services is not { Count: > 0 } services)
        {
            throw new ArgumentException("At least one SigV4 service name must be accepted.", nameof(options));
        }

        foreach (var service in services)
        {
            if (string.IsNullOrEmpty(service) || service.Length > MaxServiceNameLength ||
                service.AsSpan().ContainsAnyExcept(ServiceNameChars))
            {
                throw new ArgumentException($"'{service}' is not a SigV4 service name.", nameof(options));
            }
        }

        _keys = keys;
        _clock = clock;
        _options = options;
        _cache = cache;
    }

    /// <summary>Verifies the request's signature and returns who signed it.</summary>
    /// <exception cref="Core.KmsException">
    /// MissingAuthenticationTokenException, IncompleteSignatureException, InvalidSignatureException or
    /// UnrecognizedClientException, with AWS's messages.
    /// </exception>
    public async ValueTask<SigV4Result> VerifyAsync(SigV4Request request, CancellationToken ct = default)
    {
        var signed = ReadSignedRequest(request);
        var scope = signed.Scope;
        var key = await FindKeyAsync(scope.AccessKeyId, request.Headers, ct);
        CallerIdentity caller;
        if (key is null)
        {
            // Dev mode, unknown key: trusted unverified, as the dev account's root.
            caller = CallerIdentity.Root(_options.DevAccountId, scope.AccessKeyId);
        }
        else
        {
            if (!SignatureMatches(request, signed, key.SecretAccessKey))
            {
                throw SigV4Errors.SignatureMismatch();
            }

            caller = key.Identity;
        }

        return new SigV4Result(caller, scope.Region, scope.Service, signed.Date.Value);
    }

    private SignedRequest ReadSignedRequest(in SigV4Request request)
    {
        var authorization = request.Headers.Authorization;
        if (StringValues.IsNullOrEmpty(authorization))
        {
            throw UriEncoding.HasQueryParameter(request.RawQuery, "X-Amz-Algorithm")
                ? SigV4Errors.QueryAuthenticationUnsupported()
                : SigV4Errors.MissingAuthenticationToken();
        }

        if (authorization.Count > 1)
        {
            throw SigV4Errors.MultipleAuthorizationHeaders();
        }

        var header = AuthorizationHeader.Parse(authorization.ToString());
        var hasDate = RequestDate.TryFind(request.Headers, out var rawDate, out var fromAmzDate);
        if (!header.HasCredential || !header.HasSignature || !header.HasSignedHeaders || !hasDate)
        {
            throw SigV4Errors.MissingParts(
                !header.HasCredential,
                !header.HasSignature,
                !header.HasSignedHeaders,
                !hasDate,
                AuthorizationHeader.Redact(header.Value));
        }

        if (header.Signature.Length != 2 * RequestSignature.Size || header.Signature.ContainsAnyExcept(LowerHex))
        {
            throw SigV4Errors.MalformedSignature(AuthorizationHeader.Redact(header.Value));
        }

        var scope = CredentialScope.Parse(header.Credential);
        var date = RequestDate.Parse(rawDate, fromAmzDate);
        scope.Validate(_options.Services, date);
        RequireSignedHeaders(header.SignedHeaders, date.FromAmzDate, request.Headers.ContainsKey(TargetHeader));
        RequireCurrent(date.Value);
        return new SignedRequest(header, scope, date);
    }

    private static void RequireSignedHeaders(ReadOnlySpan<char> signedHeaders, bool amzDate, bool hasTarget)
    {
        var host = false;
        var date = false;
        var target = false;
        foreach (var range in signedHeaders.Split(';'))
        {
            var name = signedHeaders[range];
            host |= name.Equals("host", StringComparison.OrdinalIgnoreCase);
            date |= name.Equals(amzDate ? RequestDate.AmzDateHeader : RequestDate.DateHeader, StringComparison.OrdinalIgnoreCase);
            target |= name.Equals(TargetHeader, StringComparison.OrdinalIgnoreCase);
        }

        if (!host)
        {
            throw SigV4Errors.HostNotSigned();
        }

        if (!date)
        {
            throw SigV4Errors.DateNotSigned(amzDate);
        }

        if (hasTarget && !target)
        {
            throw SigV4Errors.TargetNotSigned();
        }
    }

    private void RequireCurrent(DateTimeOffset signedAt)
    {
        var now = _clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var skew = _options.AllowedClockSkew;
        if (signedAt < now - skew)
        {
            throw SigV4Errors.Expired(signedAt, now, skew);
        }

        if (signedAt > now + skew)
        {
            throw SigV4Errors.NotYetCurrent(signedAt, now, skew);
        }
    }

    /// <summary>The key to verify with; null when dev mode lets an unknown key in unverified.</summary>
    private async ValueTask<AccessKeySecret?> FindKeyAsync(
        string accessKeyId, IHeaderDictionary headers, CancellationToken ct)
    {
        // Trent issues no temporary credentials yet, so every session token is one it did not issue.
        if (headers.ContainsKey(SecurityTokenHeader))
        {
            throw SigV4Errors.InvalidSecurityToken();
        }

        // AWS's access key id pattern ([\w]+, at most 128): keeps junk out of lookups and, in dev mode, out of
        // the caller identity and the audit trail.
        if (accessKeyId.Length is 0 or > MaxAccessKeyIdLength || accessKeyId.AsSpan().ContainsAnyExcept(AccessKeyIdChars))
        {
            throw SigV4Errors.InvalidSecurityToken();
        }

        var key = await _keys.FindAsync(accessKeyId, ct);
        if (key is null)
        {
            return _options.DevMode ? null : throw SigV4Errors.InvalidSecurityToken();
        }

        return key.Active ? key : throw SigV4Errors.InvalidSecurityToken();
    }

    private bool SignatureMatches(in SigV4Request request, in SignedRequest signed, ReadOnlySpan<byte> secret)
    {
        Span<byte> signingKey = stackalloc byte[SigningKey.Size];
        Span<byte> expected = stackalloc byte[RequestSignature.Size];
        Span<byte> provided = stackalloc byte[RequestSignature.Size];
        try
        {
            var cached = _cache.TryGet(signed.Scope, secret, signingKey);
            if (!cached)
            {
                SigningKey.Derive(secret, signed.Scope.Date, signed.Scope.Region, signed.Scope.Service, signingKey);
            }

            RequestSignature.Compute(
                request, signed.Header.SignedHeaders, signed.Date.Iso8601, signed.Scope, signingKey, expected);
            Convert.FromHexString(signed.Header.Signature, provided, out _, out _);
            var matches = CryptographicOperations.FixedTimeEquals(expected, provided);
            if (matches && !cached)
            {
                _cache.Add(signed.Scope, secret, signingKey);
            }

            return matches;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(signingKey);
        }
    }

    private readonly record struct SignedRequest(AuthorizationHeader Header, CredentialScope Scope, RequestDate Date);
}
