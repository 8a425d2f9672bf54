using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// This node's ear on the schema's channel: one dedicated connection that LISTENs, applies every node's announced
/// changes to this node's caches (through <see cref="Changed"/>), acknowledges other nodes' writes, and proves itself
/// with a probe it notifies to itself every <see cref="ProbeInterval"/>. PostgreSQL delivers notifications in commit
/// order, so a returned probe shows that every change committed before it was applied; the caches are current for
/// <see cref="TrustWindow"/> after the probe was sent, and checked against the database after that. When the
/// connection breaks the feed reconnects by itself, and everything loaded before it listens again is checked once.
/// </summary>
internal sealed partial class PostgresChangeFeed(PostgresDatabase database, string connectionString) : IChangeFeed, IAsyncDisposable
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan TrustWindow = TimeSpan.FromSeconds(2);

    /// <summary>How long a write waits for acknowledgements: past every peer's trust window.</summary>
    public static readonly TimeSpan AckTimeout = TrustWindow + TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<string> _received = new();
    private readonly List<string> _outgoing = [];
    private readonly Dictionary<long, long> _probesSent = [];
    private readonly TaskCompletionSource _firstProof = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _probeSequence;
    private bool _lost;
    private int _disposed;
    private ILogger _logger = NullLogger.Instance;

    public event Action<StoreChange>? Changed;

    public CacheFreshness Freshness { get; } = CacheFreshness.Fed();

    /// <summary>Where the feed reports losing and regaining its connection; set before <see cref="StartAsync"/>.</summary>
    public void LogTo(ILogger logger) => _logger = logger;

    public async ValueTask StartAsync(CancellationToken ct = default)
    {
        if (_loop is null)
        {
            database.Acks = new PeerAcks();
            _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        }
        try
        {
            await _firstProof.Task.WaitAsync(StartTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw StoreUnavailable.Exception($"The change feed could not listen on PostgreSQL within {StartTimeout.TotalSeconds:0} seconds.");
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                Freshness.Lost();
                if (!_lost)
                {
                    _lost = true;
                    FeedLost(_logger, e);
                }
                try
                {
                    await Task.Delay(backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
            catch
            {
                // Stopping: whatever the cancellation broke does not matter any more.
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => _received.Enqueue(e.Payload);
        await connection.OpenAsync(stop);
        await using (var listen = new NpgsqlCommand($"LISTEN \"{database.Identity.Channel}\";", connection))
        {
            await listen.ExecuteNonQueryAsync(stop);
        }
        // Named only once it listens: a writer that finds this node among its peers can count on its acknowledgement.
        await using (var name = new NpgsqlCommand("SELECT set_config('application_name', @name, false);", connection))
        {
            await name.With("name", database.Identity.FeedApplicationName).ExecuteNonQueryAsync(stop);
        }
        // Changes committed before the LISTEN were never announced here: whatever was loaded until now is checked once.
        Freshness.Restarted();
        _probesSent.Clear();
        _outgoing.Clear();
        if (_lost)
        {
            _lost = false;
            FeedRestored(_logger);
        }
        var nextProbe = 0L;
        while (true)
        {
            var now = Environment.TickCount64;
            if (now >= nextProbe)
            {
                var sequence = ++_probeSequence;
                _probesSent[sequence] = now;
                _outgoing.Add(FeedMessage.ForProbe(database.Identity.NodeId, sequence));
                nextProbe = now + (long)ProbeInterval.TotalMilliseconds;
            }
            if (_outgoing.Count > 0)
            {
                await SendAsync(connection, stop);
            }
            Apply();
            var wait = Math.Max(1, nextProbe - Environment.TickCount64);
            if (_received.IsEmpty && _outgoing.Count == 0)
            {
                await connection.WaitAsync(TimeSpan.FromMilliseconds(wait), stop);
            }
            Apply();
        }
    }

    // One round trip for every pending acknowledgement and the probe.
    private async Task SendAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        var sql = new StringBuilder("SELECT ");
        await using var command = new NpgsqlCommand { Connection = connection };
        command.With("channel", database.Identity.Channel);
        for (var i = 0; i < _outgoing.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("pg_notify(@channel, @p").Append(i).Append(')');
            command.With("p" + i, _outgoing[i]);
        }
        command.CommandText = sql.Append(';').ToString();
        _outgoing.Clear();
        await command.ExecuteNonQueryAsync(stop);
    }

    private void Apply()
    {
        var me = database.Identity.NodeId;
        while (_received.TryDequeue(out var payload))
        {
            switch (FeedMessage.Parse(payload))
            {
                case { Kind: FeedMessageKind.Changes } message:
                    foreach (var change in message.Changes)
                    {
                        Raise(change);
                    }
                    if (message.Node != me)
                    {
                        _outgoing.Add(FeedMessage.ForAck(me, message.Node, message.Sequence));
                    }
                    break;
                case { Kind: FeedMessageKind.Ack } ack when ack.Origin == me:
                    database.Acks?.Acknowledged(ack.Sequence, ack.Node);
                    break;
                case { Kind: FeedMessageKind.Probe } probe when probe.Node == me && _probesSent.Remove(probe.Sequence, out var sentAt):
                    Freshness.ProvenUntil(sentAt + (long)TrustWindow.TotalMilliseconds);
                    _firstProof.TrySetResult();
                    break;
            }
        }
    }

    private void Raise(StoreChange change)
    {
        try
        {
            Changed?.Invoke(change);
        }
        catch (Exception e)
        {
            // A cache that failed to forget must not stop the others; every cached entry is checked once instead.
            Freshness.Restarted();
            ChangeFailed(_logger, change.ToString(), e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        database.Acks = null;
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "The change feed lost its PostgreSQL connection; caches are checked against the database until it listens again")]
    private static partial void FeedLost(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "The change feed listens on PostgreSQL again")]
    private static partial void FeedRestored(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Applying the store change {Change} to the caches failed")]
    private static partial void ChangeFailed(ILogger logger, string change, Exception exception);
}
