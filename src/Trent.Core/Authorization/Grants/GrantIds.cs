using Trent.Core.Crypto;

namespace Trent.Core.Authorization.Grants;

/// <summary>Grant ids: 32 random bytes as 64 lowercase hex digits, the size and form of AWS's.</summary>
public static class GrantIds
{
    public const int Length = 64;

    public static string New(IRandomSource random)
    {
        Span<byte> id = stackalloc byte[Length / 2];
        random.Fill(id);
        return Convert.ToHexStringLower(id);
    }

    public static bool IsWellFormed(string id) => id.Length == Length && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static KmsException Invalid(string id) => new(KmsErrorCode.InvalidGrantIdException, $"Grant ID {id} is not valid.");

    public static KmsException NotFound(string id) => KmsException.NotFound($"Grant ID {id} not found");
}
