using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Npgsql;
using Trent.Server.Hosting;
using Trent.Server.Tests.Identity.Support;
using Trent.Testing.Postgres;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Several <c>trent serve</c> processes on one PostgreSQL database of their own, sharing one root key file, started one
/// after the other (the first initializes the database and writes the root credentials to its data directory).
/// </summary>
public sealed class TrentCluster : IAsyncDisposable
{
    private readonly string _work;

    private TrentCluster(string work, string connectionString, List<TrentNode> nodes, SigningCredentials root)
    {
        _work = work;
        ConnectionString = connectionString;
        Nodes = nodes;
        Root = root;
    }

    public string ConnectionString { get; }

    public List<TrentNode> Nodes { get; }

    public SigningCredentials Root { get; }

    public string RootKeyFile => Path.Combine(_work, "root.key");

    public TrentNode this[int index] => Nodes[index];

    /// <summary>Starts <paramref name="count"/> nodes on a new database of <paramref name="server"/> (the run's server by default).</summary>
    public static async Task<TrentCluster> StartAsync(int count, PostgresServer? server = null, params string[] extra)
    {
        server ??= await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("trent_cluster");
        var work = Path.Combine(Path.GetTempPath(), "trent-cluster-" + Guid.NewGuid().ToString("N")[..12]);
        SecureFile.CreateDirectory(work);
        SecureFile.WriteNew(Path.Combine(work, "root.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        var nodes = new List<TrentNode>();
        var cluster = new TrentCluster(work, connectionString, nodes, null!);
        for (var i = 0; i < count; i++)
        {
            var node = await TrentNode.StartAsync(connectionString, Path.Combine(work, "root.key"), Path.Combine(work, $"node{i}"), extra);
            nodes.Add(node);
            if (node.HasExited)
            {
                await cluster.DisposeAsync();
                throw new InvalidOperationException($"Node {i} exited with {node.ExitCode}:\n{node.Output}");
            }
        }
        var root = RootCredentials.Read(Path.Combine(work, "node0", "root-credentials"));
        return new TrentCluster(work, connectionString, nodes, new SigningCredentials(root.AccessKeyId, root.SecretAccessKey));
    }

    /// <summary>Starts one more node on the cluster's database; it may have exited (a refused start).</summary>
    public async Task<TrentNode> AddNodeAsync(string? rootKeyFile = null, params string[] extra)
    {
        var node = await TrentNode.StartAsync(ConnectionString, rootKeyFile ?? RootKeyFile, Path.Combine(_work, $"node{Nodes.Count}"), extra);
        Nodes.Add(node);
        return node;
    }

    /// <summary>Starts one more node whose storage settings come from <paramref name="environment"/>; it may have exited.</summary>
    public async Task<TrentNode> AddNodeConfiguredByEnvironmentAsync(IReadOnlyDictionary<string, string> environment)
    {
        var node = await TrentNode.StartConfiguredByEnvironmentAsync(environment, RootKeyFile, Path.Combine(_work, $"node{Nodes.Count}"));
        Nodes.Add(node);
        return node;
    }

    public AmazonKeyManagementServiceClient Kms(int node) => Nodes[node].Kms(Root);

    /// <summary>IAM and STS through boto3 on <paramref name="node"/>, as the account root.</summary>
    public Boto Boto(int node) => new(Nodes[node].BaseAddress, Root);

    /// <summary>Creates a user with an access key and the given inline policies (named p1, p2, ...) on node 0, as the account root.</summary>
    public async Task<(SigningCredentials Keys, string Arn)> NewUserAsync(string name, params string[] policies)
    {
        var outcomes = await Boto(0).RunAsync(
        [
            new BotoCall("iam", "CreateUser", new { UserName = name }),
            new BotoCall("iam", "CreateAccessKey", new { UserName = name }),
            .. policies.Select((p, i) => new BotoCall("iam", "PutUserPolicy", new { UserName = name, PolicyName = $"p{i + 1}", PolicyDocument = p })),
        ]);
        Assert.All(outcomes, o => _ = o.Ok);
        var key = outcomes[1].Ok.GetProperty("AccessKey");
        return (new SigningCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")), outcomes[0].Ok.GetProperty("User").Str("Arn"));
    }

    /// <summary>Runs SQL on the cluster's database, as an operator (or a failure) would behind the nodes' backs.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string NewFile(string name, string contents)
    {
        var path = Path.Combine(_work, name);
        SecureFile.WriteNew(path, contents);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
