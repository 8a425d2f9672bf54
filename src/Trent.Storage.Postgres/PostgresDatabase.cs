using System.Data;
using Npgsql;
using Trent.Core;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// The connection pool and the one way to run a unit of work: one transaction per call, a failure to reach the server
/// turned into a retryable <see cref="StoreUnavailable"/> error, and announced changes notified to every node in the
/// same transaction. Once this node's change feed runs, a write that announced changes returns only after every other
/// listening node has applied them (or after the feed's trust window, which stops a silent node from serving from cache).
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource source, PostgresIdentity identity) : IAsyncDisposable
{
    private const int MaxConflictRetries = 3;

    private readonly OutageBreaker _breaker = new(ct => PingAsync(source, ct));
    private long _sequence;

    public NpgsqlDataSource Source => source;

    public PostgresIdentity Identity => identity;

    /// <summary>Set while this node's feed listens: the acknowledgements writes wait for.</summary>
    public PeerAcks? Acks { get; set; }

    /// <summary>Runs <paramref name="work"/> in a repeatable-read transaction: one snapshot for every statement.</summary>
    public Task<T> ReadAsync<T>(Func<PostgresTx, Task<T>> work, CancellationToken ct) =>
        RunAsync(work, IsolationLevel.RepeatableRead, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a read-committed transaction: each statement sees the latest commits, and
    /// compare-and-swap updates (<c>WHERE version = @version</c>) re-check their condition after waiting for a row lock.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<PostgresTx, Task<T>> work, CancellationToken ct) =>
        RunAsync(work, IsolationLevel.ReadCommitted, ct);

    public Task WriteAsync(Func<PostgresTx, Task> work, CancellationToken ct) =>
        RunAsync(async tx =>
        {
            await work(tx);
            return true;
        }, IsolationLevel.ReadCommitted, ct);

    private async Task<T> RunAsync<T>(Func<PostgresTx, Task<T>> work, IsolationLevel isolation, CancellationToken ct)
    {
        if (_breaker.IsOpen)
        {
            throw StoreUnavailable.Exception("PostgreSQL did not answer a moment ago; calls go through again once it answers a probe.");
        }
        try
        {
            return await AttemptAsync(work, isolation, ct);
        }
        catch (KmsException e) when (StoreUnavailable.Is(e))
        {
            _breaker.Failed();
            throw;
        }
    }

    private static async Task PingAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var ping = new NpgsqlCommand("SELECT 1;", connection);
        await ping.ExecuteScalarAsync(ct);
    }

    private async Task<T> AttemptAsync<T>(Func<PostgresTx, Task<T>> work, IsolationLevel isolation, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var committing = false;
            PeerWait? wait = null;
            try
            {
                T result;
                await using (var connection = await source.OpenConnectionAsync(ct))
                {
                    await using var transaction = await connection.BeginTransactionAsync(isolation, ct);
                    var unit = new PostgresTx(connection, transaction);
                    result = await work(unit);
                    if (unit.Changes is { } changes)
                    {
                        wait = await NotifyAsync(unit, changes, ct);
                    }
                    committing = true;
                    await transaction.CommitAsync(ct);
                    if (wait is not null)
                    {
                        await ExpectPeersAsync(connection, wait, ct);
                    }
                }
                if (wait is not null)
                {
                    await WaitForPeersAsync(wait, ct);
                }
                return result;
            }
            catch (Exception e) when (!committing && attempt < MaxConflictRetries && PostgresFailures.IsRetryableConflict(e))
            {
                // Rolled back: running the unit again is safe.
            }
            catch (Exception e) when (!committing && attempt == 0 && PostgresFailures.IsUnavailable(e) && !PostgresFailures.IsTimeout(e))
            {
                // A pooled connection broken by a server restart: nothing was committed, so one retry on a fresh connection.
                source.Clear();
            }
            catch (Exception e) when (PostgresFailures.IsUnavailable(e))
            {
                source.Clear();
                throw StoreUnavailable.Exception($"PostgreSQL could not be reached: {e.Message}");
            }
            finally
            {
                wait?.Dispose();
            }
        }
    }

    private async Task<PeerWait?> NotifyAsync(PostgresTx unit, IReadOnlyList<StoreChange> changes, CancellationToken ct)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        // Registered before the commit, so that an acknowledgement that overtakes the rest of this method is not missed.
        var wait = Acks?.Expect(sequence);
        await unit.Command("SELECT pg_notify(@channel, @payload);")
            .With("channel", identity.Channel)
            .With("payload", FeedMessage.ForChanges(identity.NodeId, sequence, changes))
            .RunAsync(ct);
        return wait;
    }

    // Read after the commit: a node that starts listening later loads what this write committed, so it need not ack.
    private async Task ExpectPeersAsync(NpgsqlConnection connection, PeerWait wait, CancellationToken ct)
    {
        try
        {
            await using var peers = new NpgsqlCommand(
                "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE @prefix;", connection);
            var names = await peers.With("prefix", identity.FeedApplicationPrefix + "%").ListAsync(r => r.GetString(0), ct);
            wait.ExpectFrom(names.Select(identity.NodeOf).Where(node => node is not null && node != identity.NodeId)!);
        }
        catch (Exception e) when (PostgresFailures.IsUnavailable(e))
        {
            // Committed, but the peers are unknown: the wait runs its full length, past every peer's trust window.
        }
    }

    private static async Task WaitForPeersAsync(PeerWait wait, CancellationToken ct)
    {
        try
        {
            await wait.Completion.WaitAsync(PostgresChangeFeed.AckTimeout, ct);
        }
        catch (TimeoutException)
        {
            // A peer that has not applied the change by now no longer trusts its caches (its feed has not proven itself
            // since before this commit), so it checks them against the database before serving.
        }
    }

    public ValueTask DisposeAsync()
    {
        _breaker.Stop();
        return source.DisposeAsync();
    }
}
