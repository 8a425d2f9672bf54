-- How many keys each account has in each region, kept by triggers in the transaction that adds or removes a key. The
-- key quota is checked on every CreateKey; counting the keys there scanned every key of the account and region, a cost
-- that grew with the store and dominated CreateKey. A key's account and region never change, so insert and delete are
-- all the triggers need to follow. Derived data: backups leave it out, and restoring the keys rebuilds it.
CREATE TABLE key_counts (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (account_id, region)
) STRICT, WITHOUT ROWID;

INSERT INTO key_counts (account_id, region, count)
SELECT account_id, region, COUNT(*) FROM keys GROUP BY account_id, region;

CREATE TRIGGER keys_counted_on_insert AFTER INSERT ON keys
BEGIN
    INSERT INTO key_counts (account_id, region, count) VALUES (NEW.account_id, NEW.region, 1)
    ON CONFLICT (account_id, region) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER keys_counted_on_delete AFTER DELETE ON keys
BEGIN
    UPDATE key_counts SET count = count - 1 WHERE account_id = OLD.account_id AND region = OLD.region;
END;
