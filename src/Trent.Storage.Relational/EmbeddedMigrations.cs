using System.Globalization;
using System.Reflection;

namespace Trent.Storage.Relational;

/// <summary>
/// A backend's schema steps: the <c>NNNN_name.sql</c> resources embedded in its assembly (each backend's project embeds
/// <c>Migrations/*.sql</c> under its file name), in version order, versions 1 to N without gaps.
/// </summary>
public sealed class EmbeddedMigrations
{
    private EmbeddedMigrations(IReadOnlyList<Migration> all) => All = all;

    public IReadOnlyList<Migration> All { get; }

    public int LatestVersion => All[^1].Version;

    public static EmbeddedMigrations From(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migration '{migrations[i].Name}' breaks the sequence 0001, 0002, ...");
            }
        }
        return new EmbeddedMigrations(migrations);
    }

    /// <summary>Refuses a database that a newer build migrated: this build cannot know what its schema means.</summary>
    public void CheckKnown(long currentVersion)
    {
        if (currentVersion > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {currentVersion}, newer than version {LatestVersion} that this build of Trent knows; run a newer Trent.");
        }
    }

    /// <summary>The steps a database at <paramref name="currentVersion"/> still needs, once <see cref="CheckKnown"/> accepts it.</summary>
    public IEnumerable<Migration> After(long currentVersion)
    {
        CheckKnown(currentVersion);
        return All.Where(m => m.Version > currentVersion);
    }
}
