using System.Collections.Frozen;

namespace Trent.Protocol.Wire;

/// <summary>
/// Maps AWS enum strings to domain enums by exact name. The request validator has already checked the value
/// against the model's enum, so a miss here means the model knows a value this build does not.
/// </summary>
public static class WireEnum<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);

    public static T? ParseOrNull(string? value) => value is null ? null : Parse(value);

    public static T Parse(string value) =>
        ByName.TryGetValue(value, out var parsed)
            ? parsed
            : throw new Trent.Core.KmsException(Trent.Core.KmsErrorCode.UnsupportedOperationException,
                $"{typeof(T).Name} {value} is not supported by Trent.");
}
