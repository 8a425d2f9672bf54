using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Tests.Audit;

public sealed class KeyUsageTrackerTests
{
    private const string Arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly KeyArn Key = new("111122223333", "us-east-1", "1234abcd-12ab-34cd-56ef-1234567890ab");
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_use_is_seen_before_it_is_flushed_and_the_store_gets_it_in_one_batch()
    {
        var store = new MemoryUsageStore();
        var tracker = new KeyUsageTracker(store);

        tracker.Record(Arn, Use("Encrypt", T0));

        Assert.Equal("Encrypt", (await tracker.GetAsync(Key))?.Operation);
        Assert.Equal(0, store.Batches);
        Assert.Equal(1, await tracker.FlushAsync());
        Assert.Equal(1, store.Batches);
        Assert.Equal("Encrypt", store.Rows[Key].Operation);
        Assert.Equal(0, await tracker.FlushAsync());
    }

    [Fact]
    public async Task The_later_use_wins_whatever_order_the_uses_are_noted_in()
    {
        var tracker = new KeyUsageTracker(new MemoryUsageStore());

        tracker.Record(Arn, Use("Decrypt", T0.AddSeconds(2)));
        tracker.Record(Arn, Use("Encrypt", T0.AddSeconds(1)));

        Assert.Equal("Decrypt", (await tracker.GetAsync(Key))?.Operation);
    }

    [Fact]
    public async Task A_newer_stored_use_wins_over_an_older_pending_one()
    {
        var store = new MemoryUsageStore();
        store.Rows[Key] = Use("Sign", T0.AddSeconds(5));
        var tracker = new KeyUsageTracker(store);

        tracker.Record(Arn, Use("Encrypt", T0));

        Assert.Equal("Sign", (await tracker.GetAsync(Key))?.Operation);
    }

    [Fact]
    public async Task A_failed_flush_keeps_the_uses_for_the_next_one()
    {
        var store = new MemoryUsageStore { Failing = true };
        var tracker = new KeyUsageTracker(store);
        tracker.Record(Arn, Use("Encrypt", T0));

        await Assert.ThrowsAsync<IOException>(() => tracker.FlushAsync());
        store.Failing = false;

        Assert.Equal(1, await tracker.FlushAsync());
        Assert.Equal("Encrypt", store.Rows[Key].Operation);
    }

    [Fact]
    public async Task A_use_noted_while_a_flush_runs_is_kept_for_the_next_flush()
    {
        var store = new MemoryUsageStore();
        var tracker = new KeyUsageTracker(store);
        tracker.Record(Arn, Use("Encrypt", T0));
        store.During = () => tracker.Record(Arn, Use("Decrypt", T0.AddSeconds(1)));

        await tracker.FlushAsync();
        store.During = null;

        Assert.Equal("Encrypt", store.Rows[Key].Operation);
        Assert.Equal(1, await tracker.FlushAsync());
        Assert.Equal("Decrypt", store.Rows[Key].Operation);
    }

    [Fact]
    public void Exactly_the_models_tracking_operations_are_tracked()
    {
        Assert.True(KeyUsageTracker.IsTracked("Encrypt"));
        Assert.True(KeyUsageTracker.IsTracked("DeriveSharedSecret"));
        Assert.False(KeyUsageTracker.IsTracked("DescribeKey"));
        Assert.False(KeyUsageTracker.IsTracked("GetPublicKey"));
        Assert.False(KeyUsageTracker.IsTracked("GenerateRandom"));
        Assert.Equal(12, KeyUsageTracker.TrackedOperations.Count);
    }

    private static KeyLastUsage Use(string operation, DateTimeOffset at) => new(operation, at, Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

    private sealed class MemoryUsageStore : IKeyUsageStore
    {
        public Dictionary<KeyArn, KeyLastUsage> Rows { get; } = [];
        public int Batches { get; private set; }
        public bool Failing { get; set; }
        public Action? During { get; set; }

        public ValueTask<KeyLastUsage?> GetAsync(KeyArn key, CancellationToken ct = default) => ValueTask.FromResult(Rows.GetValueOrDefault(key));

        public ValueTask RecordAsync(IReadOnlyList<KeyUsageRecord> usages, CancellationToken ct = default)
        {
            if (Failing)
            {
                throw new IOException("store down");
            }
            During?.Invoke();
            Batches++;
            foreach (var (key, usage) in usages)
            {
                if (!Rows.TryGetValue(key, out var stored) || usage.Timestamp >= stored.Timestamp)
                {
                    Rows[key] = usage;
                }
            }
            return ValueTask.CompletedTask;
        }
    }
}
