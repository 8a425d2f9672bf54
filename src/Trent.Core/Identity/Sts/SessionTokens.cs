using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trent.Core.Crypto;

namespace Trent.Core.Identity.Sts;

/// <summary>
/// Stateless session tokens: the session's credentials sealed with AES-256-GCM under a key derived from the root key,
/// with the temporary access key id as associated data. Any node holding the root key opens them; nothing is stored,
/// and a token altered or presented with another access key id does not open.
/// </summary>
/// <remarks>Format 1: <c>0x01 ‖ iv (12) ‖ ciphertext ‖ tag (16)</c>, base64; the plaintext is a small JSON object.</remarks>
public sealed class SessionTokens : IDisposable
{
    private const byte Format = 1;
    private const int IvSize = 12;
    private const int TagSize = 16;
    private const int MaxTokenLength = 4096;

    private readonly byte[] _key = new byte[32];

    public SessionTokens(RootKey rootKey) => rootKey.DeriveKey("trent/session-token/v1"u8, _key);

    public string Issue(SessionCredentials session, IRandomSource random)
    {
        var plaintext = Serialize(session);
        var blob = new byte[1 + IvSize + plaintext.Length + TagSize];
        try
        {
            blob[0] = Format;
            random.Fill(blob.AsSpan(1, IvSize));
            using var gcm = new AesGcm(_key, TagSize);
            gcm.Encrypt(blob.AsSpan(1, IvSize), plaintext, blob.AsSpan(1 + IvSize, plaintext.Length), blob.AsSpan(^TagSize), Aad(session.AccessKeyId));
            return Convert.ToBase64String(blob);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The session a token carries; null when it is not a token of this root key for that access key id.</summary>
    public SessionCredentials? Open(string accessKeyId, string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }
        var blob = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, blob, out var length) || length < 1 + IvSize + TagSize || blob[0] != Format)
        {
            return null;
        }
        var ciphertextLength = length - 1 - IvSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        try
        {
            using var gcm = new AesGcm(_key, TagSize);
            gcm.Decrypt(blob.AsSpan(1, IvSize), blob.AsSpan(1 + IvSize, ciphertextLength), blob.AsSpan(length - TagSize, TagSize), plaintext,
                Aad(accessKeyId));
            var session = Deserialize(plaintext);
            return session.AccessKeyId == accessKeyId ? session : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] Aad(string accessKeyId) => Encoding.UTF8.GetBytes($"trent/session-token/v1\n{accessKeyId}");

    private static byte[] Serialize(SessionCredentials s)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("k", s.AccessKeyId);
            json.WriteString("s", s.SecretAccessKey);
            json.WriteString("a", s.AccountId);
            json.WriteString("r", s.RoleArn);
            json.WriteString("i", s.RoleId);
            json.WriteString("n", s.SessionName);
            json.WriteNumber("e", s.Expiration.ToUnixTimeMilliseconds());
            json.WriteBoolean("c", s.Chained);
            if (s.Created is { } created)
            {
                json.WriteNumber("t", created.ToUnixTimeMilliseconds());
            }
            json.WriteEndObject();
        }
        var bytes = buffer.WrittenSpan.ToArray();
        buffer.Clear();
        return bytes;
    }

    /// <summary>Only this class writes the plaintext; one that decrypts but does not read is a bug, not a forgery.</summary>
    private static SessionCredentials Deserialize(byte[] plaintext)
    {
        using var document = JsonDocument.Parse(plaintext);
        var root = document.RootElement;
        return new SessionCredentials(
            root.GetProperty("k").GetString()!,
            root.GetProperty("s").GetString()!,
            root.GetProperty("a").GetString()!,
            root.GetProperty("r").GetString()!,
            root.GetProperty("i").GetString()!,
            root.GetProperty("n").GetString()!,
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("e").GetInt64()),
            root.GetProperty("c").GetBoolean())
        {
            // Tokens issued before the creation time was carried have none.
            Created = root.TryGetProperty("t", out var created) ? DateTimeOffset.FromUnixTimeMilliseconds(created.GetInt64()) : null,
        };
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
