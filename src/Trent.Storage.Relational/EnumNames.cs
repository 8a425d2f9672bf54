namespace Trent.Storage.Relational;

/// <summary>Enums as stored: the member name, never the number, so that reordering members cannot change stored meaning.</summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} member.");

    public static string? Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        // Enum.TryParse also accepts numbers and comma lists; only an exact member name is a valid stored value.
        Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.GetName(value) == name
            ? value
            : throw new InvalidDataException($"The stored value '{name}' is not a {typeof(TEnum).Name} member.");
}
