using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Trent.Core.Crypto;
using Trent.Core.Identity;

namespace Trent.Protocol.Auth;

/// <summary>Authenticates requests signed with AWS Signature Version 4 in the Authorization header.</summary>
/// <remarks>
/// Check order: the header's syntax and the date (IncompleteSignatureException), then the credential scope,
/// the required signed headers and the clock skew (InvalidSignatureException), then the access key
/// (UnrecognizedClientException) or the session token (UnrecognizedClientException, ExpiredTokenException), and last
/// the signature itself.
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
    private readonly ISessionTokenSource? _sessions;
    private readonly TimeProvider _clock;
    private readonly SigV4Options _options;
    private readonly SigningKeyCache _cache;

    public SigV4Verifier(IAccessKeySource keys, TimeProvider clock, SigV4Options options)
        : this(keys, clock, options, new SigningKeyCache(DefaultCacheCapacity))
    {
    }

    /// <param name="sessions">Opens session tokens; without it, every request carrying one is refused.</param>
    public SigV4Verifier(IAccessKeySource keys, ISessionTokenSource? sessions, TimeProvider clock, SigV4Options options)
        : this(keys, clock, options, new SigningKeyCache(DefaultCacheCapacity), sessions)
    {
    }

    internal SigV4Verifier(IAccessKeySource keys, TimeProvider clock, SigV4Options options, SigningKeyCache cache, ISessionTokenSource? sessions = null)
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
        _sessions = sessions;
        _clock = clock;
        _options = options;
        _cache = cache;
    }

    /// <summary>Verifies the request's signature and returns who signed it.</summary>
    /// <exception cref="Core.KmsException">
    /// MissingAuthenticationTokenException, IncompleteSignatureException, InvalidSignatureException,
    /// UnrecognizedClientException or (for a session past its expiry) ExpiredTokenException, with AWS's messages.
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
        // AWS's access key id pattern ([\w]+, at most 128): keeps junk out of lookups and, in dev mode, out of
        // the caller identity and the audit trail.
        if (accessKeyId.Length is 0 or > MaxAccessKeyIdLength || accessKeyId.AsSpan().ContainsAnyExcept(AccessKeyIdChars))
        {
            throw SigV4Errors.InvalidSecurityToken();
        }

        // A session token is either one Trent issued for this access key id, or refused: even in dev mode, a session is
        // a known principal, and a token Trent cannot open is no credential at all.
        if (headers.TryGetValue(SecurityTokenHeader, out var token))
        {
            var session = token.Count == 1 && _sessions?.Open(accessKeyId, token.ToString()) is { } opened
                ? opened
                : throw SigV4Errors.InvalidSecurityToken();
            return session.Expired ? throw SigV4Errors.ExpiredToken() : session.Key;
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
        Span<byte> expected = stackalloc byte[RequestSignature.Size];
        Span<byte> provided = stackalloc byte[RequestSignature.Size];
        var signer = _cache.TryGet(signed.Scope, secret);
        var cached = signer is not null;
        if (signer is null)
        {
            Span<byte> signingKey = stackalloc byte[SigningKey.Size];
            SigningKey.Derive(secret, signed.Scope.Date, signed.Scope.Region, signed.Scope.Service, signingKey);
            signer = new KeyedHmac(signingKey);
            CryptographicOperations.ZeroMemory(signingKey);
        }

        RequestSignature.Compute(request, signed.Header.SignedHeaders, signed.Date.Iso8601, signed.Scope, signer, expected);
        Convert.FromHexString(signed.Header.Signature, provided, out _, out _);
        var matches = CryptographicOperations.FixedTimeEquals(expected, provided);
        if (!cached)
        {
            if (matches)
            {
                _cache.Add(signed.Scope, secret, signer);
            }
            else
            {
                signer.Dispose();
            }
        }

        return matches;
    }

    private readonly record struct SignedRequest(AuthorizationHeader Header, CredentialScope Scope, RequestDate Date);
}
