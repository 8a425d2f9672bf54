namespace Trent.Storage.Relational;

/// <summary>One schema step: its version (the file name's four-digit prefix), file name and SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);
