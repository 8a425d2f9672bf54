using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>
/// Group commit for writes that do not contend with each other (CreateKey's inserts). With <c>synchronous=FULL</c> every
/// commit costs an fsync, and concurrent writers used to queue on SQLite's write lock (sleeping in its busy handler) to
/// pay one each. Here a write is queued; the first caller to find no batch in progress becomes the committer and runs
/// everything queued, its own work and whatever queued meanwhile, in one transaction with one fsync, each unit of work
/// inside its own savepoint; the others wait without holding a thread. A unit that throws is rolled back to its savepoint
/// and fails alone; the rest commit. No caller hears of its write before the transaction holding it has committed, so
/// durability is what it was.
/// </summary>
internal sealed class GroupCommit(Func<SqliteConnection> openConnection)
{
    /// <summary>Bounds one transaction, so that a long queue does not keep the first writers waiting for the last.</summary>
    private const int MaxBatch = 256;

    private static readonly string[] SavepointNames = Enumerable.Range(0, MaxBatch).Select(i => $"w{i}").ToArray();

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly List<PendingWrite> _batch = new(MaxBatch);
    private readonly Lock _committing = new();

    public ValueTask<T> WriteAsync<T>(Func<SqliteTransaction, T> work)
    {
        var write = new PendingWrite<T>(work);
        _queue.Enqueue(write);
        CommitQueued();
        // Usually the caller committed its own write and goes on without a thread hop.
        return new ValueTask<T>(write.Task);
    }

    /// <summary>
    /// Commits batches while there is anything queued. A caller that finds a batch in progress leaves its write to the
    /// committer, who looks at the queue again after letting go, so no write is stranded.
    /// </summary>
    private void CommitQueued()
    {
        while (_committing.TryEnter())
        {
            try
            {
                while (TakeBatch())
                {
                    Commit(_batch);
                }
            }
            finally
            {
                _committing.Exit();
            }
            if (_queue.IsEmpty)
            {
                return;
            }
        }
    }

    private bool TakeBatch()
    {
        _batch.Clear();
        while (_batch.Count < MaxBatch && _queue.TryDequeue(out var write))
        {
            _batch.Add(write);
        }
        return _batch.Count > 0;
    }

    private void Commit(List<PendingWrite> batch)
    {
        try
        {
            using var connection = openConnection();
            using var transaction = connection.BeginTransaction(deferred: false);
            if (batch.Count == 1)
            {
                // Alone, the write needs no savepoint: its failure rolls back the whole transaction, as it always did.
                batch[0].Run(transaction);
            }
            else
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    RunInSavepoint(connection, transaction, batch[i], SavepointNames[i]);
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // Nothing of this batch committed: whoever had not failed on its own fails with the batch.
            foreach (var write in batch)
            {
                write.Fail(e);
            }
            return;
        }
        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private static void RunInSavepoint(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write, string savepoint)
    {
        transaction.Save(savepoint);
        try
        {
            write.Run(transaction);
        }
        catch (Exception e)
        {
            write.Fail(e);
            // SQLite rolls back the whole transaction on some errors (I/O, full disk); then the batch cannot go on.
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
            {
                throw new InvalidOperationException("The write transaction was rolled back by SQLite.", e);
            }
            transaction.Rollback(savepoint);
            return;
        }
        transaction.Release(savepoint);
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            throw new InvalidOperationException("The write transaction ended inside a unit of work.");
        }
    }

    private abstract class PendingWrite
    {
        public abstract void Run(SqliteTransaction transaction);

        /// <summary>Publishes the result once the transaction holding the write has committed.</summary>
        public abstract void Complete();

        /// <summary>Fails the write; a no-op when it already failed on its own.</summary>
        public abstract void Fail(Exception e);
    }

    private sealed class PendingWrite<T>(Func<SqliteTransaction, T> work) : PendingWrite
    {
        // Continuations run elsewhere, not inline on the committer's thread while it still holds the batch.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _failed;

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteTransaction transaction) => _result = work(transaction);

        public override void Complete()
        {
            if (!_failed)
            {
                _completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception e)
        {
            _failed = true;
            _completion.TrySetException(e);
        }
    }
}
