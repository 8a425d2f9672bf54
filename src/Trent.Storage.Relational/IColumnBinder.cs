namespace Trent.Storage.Relational;

/// <summary>
/// One command's parameters, bound as its backend binds them: each under its column's name, with its stored type, since
/// a backend may need the type of a NULL (PostgreSQL cannot compare or insert a NULL of unknown type).
/// </summary>
public interface IColumnBinder
{
    void Text(string column, string? value);

    void Int32(string column, int value);

    void Int64(string column, long? value);

    void Boolean(string column, bool value);

    void Bytes(string column, byte[] value);
}
