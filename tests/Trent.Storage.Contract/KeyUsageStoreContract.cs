using Trent.Core.Audit;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IKeyUsageStore"/> contract: each key's last use, newest wins, gone with the key.</summary>
public abstract class KeyUsageStoreContract : StoreContract
{
    private static KeyLastUsage Use(string operation, DateTimeOffset at) => new(operation, at, "event-" + operation, "request-" + operation);

    [Fact]
    public async Task Record_then_get_round_trips_the_last_use()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);

        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, Use("Encrypt", Now))]);

        Assert.Equal(Use("Encrypt", Now), await KeyUsage.GetAsync(key.Arn));
    }

    [Fact]
    public async Task A_newer_use_replaces_the_stored_one_and_an_older_one_does_not()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);

        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, Use("Encrypt", Now))]);
        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, Use("Decrypt", Now.AddSeconds(1)))]);
        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, Use("Sign", Now.AddSeconds(-1)))]);

        Assert.Equal(Use("Decrypt", Now.AddSeconds(1)), await KeyUsage.GetAsync(key.Arn));
    }

    [Fact]
    public async Task Uses_of_missing_keys_are_skipped_and_the_rest_of_the_batch_is_stored()
    {
        var key = Key(NewArn());
        var missing = NewArn();
        await Keys.CreateKeyAsync(key, null);

        await KeyUsage.RecordAsync([new KeyUsageRecord(missing, Use("Encrypt", Now)), new KeyUsageRecord(key.Arn, Use("Decrypt", Now))]);

        Assert.Null(await KeyUsage.GetAsync(missing));
        Assert.Equal("Decrypt", (await KeyUsage.GetAsync(key.Arn))?.Operation);
    }

    [Fact]
    public async Task Deleting_the_key_deletes_its_last_use()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);
        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, Use("Encrypt", Now))]);

        await Keys.DeleteKeyAsync(key.Arn);
        await Keys.CreateKeyAsync(key, null);

        Assert.Null(await KeyUsage.GetAsync(key.Arn));
    }
}
