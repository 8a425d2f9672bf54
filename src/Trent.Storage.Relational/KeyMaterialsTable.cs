using System.Data.Common;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Relational;

/// <summary>The <c>key_materials</c> columns beyond the owning key's, and the mapping between them and <see cref="StoredMaterial"/>.</summary>
public static class KeyMaterialsTable
{
    public const string Columns = "material_id, created_at, rotation_type, sealed";

    public static void Bind(IColumnBinder to, StoredMaterial material)
    {
        to.Text("material_id", material.Info.MaterialId);
        to.Int64("created_at", UnixMillis.From(material.Info.CreatedAt));
        to.Text("rotation_type", EnumNames.Of(material.Info.RotationType));
        to.Bytes("sealed", material.SealedMaterial);
    }

    /// <summary>Reads the <see cref="Columns"/> starting at column <paramref name="at"/> (after a key's, in a join).</summary>
    public static StoredMaterial Read(DbDataReader row, int at) => new(
        new KeyMaterialInfo(row.GetString(at), row.GetDate(at + 1), row.IsDBNull(at + 2) ? null : row.GetEnum<RotationType>(at + 2)),
        row.GetBytes(at + 3));

    public static StoredMaterial Read(DbDataReader row) => Read(row, 0);
}
