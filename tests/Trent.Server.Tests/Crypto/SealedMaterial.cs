using Microsoft.Data.Sqlite;
using Trent.Core.Crypto;

namespace Trent.Server.Tests.Crypto;

/// <summary>One key material version, unsealed by the test from the database with the root key.</summary>
public sealed record UnsealedMaterial(string KeyArn, string MaterialId, byte[] Material);

/// <summary>
/// Reads key material the way an operator holding the data directory could: the sealed rows of <c>key_materials</c>
/// opened with the root key from <c>root.key</c>. The API never returns key material, so this is the only honest way
/// for a test to learn it.
/// </summary>
public static class SealedMaterial
{
    public static List<UnsealedMaterial> ReadAll(string dataDir)
    {
        var rootKeyBytes = Convert.FromBase64String(File.ReadAllText(Path.Combine(dataDir, "root.key")).Trim());
        using var rootKey = new RootKey(rootKeyBytes);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "trent.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT account_id, region, key_id, material_id, sealed FROM key_materials ORDER BY account_id, region, key_id, ordinal";
        using var row = select.ExecuteReader();
        var materials = new List<UnsealedMaterial>();
        while (row.Read())
        {
            var arn = $"arn:{Trent.Core.Keys.Partitions.ForRegion(row.GetString(1))}:kms:{row.GetString(1)}:{row.GetString(0)}:key/{row.GetString(2)}";
            var materialId = row.GetString(3);
            materials.Add(new UnsealedMaterial(arn, materialId, rootKey.Unseal((byte[])row["sealed"], arn, materialId)));
        }
        return materials;
    }

    /// <summary>Moves the write-ahead log into the database file, as a checkpoint by the server would.</summary>
    public static void Checkpoint(string dataDir)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "trent.db"), Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    /// <summary>Decrypts a ciphertext blob with material read from the database, bypassing the server entirely.</summary>
    public static byte[]? DecryptOffline(IEnumerable<UnsealedMaterial> materials, byte[] blob, IReadOnlyDictionary<string, string>? context)
    {
        if (SymmetricCiphertext.TryReadHeader(blob) is not { } header)
        {
            return null;
        }
        var material = materials.FirstOrDefault(m => m.MaterialId == header.MaterialId);
        return material is null ? null : SymmetricCiphertext.TryDecrypt(blob, header, new KeyedHmac(material.Material), EncryptionContext.Canonicalize(context));
    }
}
