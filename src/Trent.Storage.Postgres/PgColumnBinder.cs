using Npgsql;

namespace Trent.Storage.Postgres;

/// <summary>Binds each column as the parameter <c>@column</c>, typed (see <see cref="PgCommands"/>).</summary>
internal sealed class PgColumnBinder(NpgsqlCommand command) : IColumnBinder
{
    public void Text(string column, string? value) => command.With(column, value);

    public void Int32(string column, int value) => command.With(column, value);

    public void Int64(string column, long? value) => command.With(column, value);

    public void Boolean(string column, bool value) => command.With(column, value);

    public void Bytes(string column, byte[] value) => command.With(column, value);
}
