-- The last successful cryptographic use of each key (GetKeyLastUsage). Written in batches by a background flush, never
-- on the request path; the row goes with its key.
CREATE TABLE key_usage (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    used_at INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    PRIMARY KEY (account_id, region, key_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
) STRICT;
