using System.Security.Cryptography;
using System.Text;

namespace Trent.Storage.Postgres;

/// <summary>
/// Who this node is among the nodes of one Trent schema: a random node id, the notification channel of the schema, and
/// the application name its feed connection carries, by which writers find the nodes that must acknowledge a change.
/// </summary>
internal sealed class PostgresIdentity
{
    public PostgresIdentity(string schema)
    {
        Schema = schema;
        NodeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        // Several Trent deployments may share a database in separate schemas; each gets its own channel and peers.
        var tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)).AsSpan(0, 4));
        Channel = "trent_changes_" + tag;
        FeedApplicationPrefix = $"trent-feed:{tag}:";
    }

    public string Schema { get; }

    public string NodeId { get; }

    public string Channel { get; }

    public string FeedApplicationPrefix { get; }

    public string FeedApplicationName => FeedApplicationPrefix + NodeId;

    /// <summary>The node id in a feed connection's application name, or null when the name is not one.</summary>
    public string? NodeOf(string applicationName) =>
        applicationName.StartsWith(FeedApplicationPrefix, StringComparison.Ordinal) ? applicationName[FeedApplicationPrefix.Length..] : null;
}
