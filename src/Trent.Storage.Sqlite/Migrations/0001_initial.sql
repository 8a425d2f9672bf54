-- Timestamps are INTEGER unix milliseconds (UTC): the domain keeps millisecond precision.
-- Enums are TEXT holding the member name, never the numeric value, so reordering an enum cannot corrupt data.
-- Booleans are INTEGER 0 or 1.

CREATE TABLE accounts (
    account_id TEXT NOT NULL PRIMARY KEY,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE access_keys (
    access_key_id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (account_id),
    principal_arn TEXT NOT NULL,
    principal_type TEXT NOT NULL,
    user_id TEXT NOT NULL,
    sealed_secret BLOB NOT NULL,
    status TEXT NOT NULL,
    create_date INTEGER NOT NULL
) STRICT;

-- Serves per-account lookups and the foreign key check when an account row changes.
CREATE INDEX access_keys_by_account ON access_keys (account_id);

CREATE TABLE keys (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    creation_date INTEGER NOT NULL,
    description TEXT NOT NULL,
    key_spec TEXT NOT NULL,
    key_usage TEXT NOT NULL,
    origin TEXT NOT NULL,
    state TEXT NOT NULL,
    deletion_date INTEGER,
    multi_region INTEGER NOT NULL CHECK (multi_region IN (0, 1)),
    policy TEXT NOT NULL,
    -- JSON array of {"TagKey","TagValue"} objects in the key's tag order.
    tags TEXT NOT NULL,
    rotation_enabled INTEGER NOT NULL CHECK (rotation_enabled IN (0, 1)),
    rotation_period_in_days INTEGER NOT NULL,
    next_rotation_date INTEGER,
    current_material_id TEXT,
    -- Optimistic-concurrency row version.
    version INTEGER NOT NULL,
    PRIMARY KEY (account_id, region, key_id)
) STRICT;

-- The background deletion and rotation sweeps read these in due order; partial indexes stay as small as the backlog.
CREATE INDEX keys_deletion_due ON keys (deletion_date, account_id, region, key_id)
    WHERE state = 'PendingDeletion';
CREATE INDEX keys_rotation_due ON keys (next_rotation_date, account_id, region, key_id)
    WHERE state = 'Enabled' AND rotation_enabled = 1;

CREATE TABLE key_materials (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    -- Insertion order within the key: 1 is the oldest version.
    ordinal INTEGER NOT NULL,
    material_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rotation_type TEXT CHECK (rotation_type IS NULL OR rotation_type IN ('AUTOMATIC', 'ON_DEMAND')),
    sealed BLOB NOT NULL,
    PRIMARY KEY (account_id, region, key_id, ordinal),
    UNIQUE (account_id, region, key_id, material_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE aliases (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    alias_name TEXT NOT NULL,
    target_key_id TEXT NOT NULL,
    creation_date INTEGER NOT NULL,
    last_updated_date INTEGER NOT NULL,
    PRIMARY KEY (account_id, region, alias_name)
) STRICT;

-- Serves listing a key's aliases in name order, counting them, and removing them with the key.
CREATE INDEX aliases_by_target ON aliases (account_id, region, target_key_id, alias_name);

CREATE TABLE meta (
    name TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
