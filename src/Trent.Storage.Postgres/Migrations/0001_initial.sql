-- Trent's schema on PostgreSQL, in the schema that is first on the search path. It mirrors the SQLite schema:
-- timestamps are bigint unix milliseconds (UTC), enums are text holding the member name, sealed secrets are bytea.
-- Identifiers and names compare byte-wise (COLLATE "C"), as in SQLite, whatever the database's collation is.

CREATE TABLE accounts (
    account_id text COLLATE "C" NOT NULL PRIMARY KEY,
    created_at bigint NOT NULL
);

CREATE TABLE access_keys (
    -- Insertion order: a principal's keys made in the same millisecond list in the order they were made.
    seq bigint GENERATED ALWAYS AS IDENTITY,
    access_key_id text COLLATE "C" NOT NULL PRIMARY KEY,
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (account_id),
    principal_arn text NOT NULL,
    principal_type text NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    sealed_secret bytea NOT NULL,
    status text NOT NULL,
    create_date bigint NOT NULL
);

-- Serves a principal's key listing in age order and the per-principal quota check.
CREATE INDEX access_keys_by_user ON access_keys (account_id, user_id, create_date, seq);

CREATE TABLE keys (
    account_id text COLLATE "C" NOT NULL,
    region text COLLATE "C" NOT NULL,
    key_id text COLLATE "C" NOT NULL,
    creation_date bigint NOT NULL,
    description text NOT NULL,
    key_spec text NOT NULL,
    key_usage text NOT NULL,
    origin text NOT NULL,
    state text NOT NULL,
    deletion_date bigint,
    multi_region boolean NOT NULL,
    policy text NOT NULL,
    -- JSON array of {"TagKey","TagValue"} objects in the key's tag order, kept as written.
    tags text NOT NULL,
    rotation_enabled boolean NOT NULL,
    rotation_period_in_days integer NOT NULL,
    next_rotation_date bigint,
    current_material_id text COLLATE "C",
    -- Optimistic-concurrency row version.
    version bigint NOT NULL,
    PRIMARY KEY (account_id, region, key_id)
);

-- The background deletion and rotation sweeps read these in due order; partial indexes stay as small as the backlog.
CREATE INDEX keys_deletion_due ON keys (deletion_date, account_id, region, key_id)
    WHERE state = 'PendingDeletion';
CREATE INDEX keys_rotation_due ON keys (next_rotation_date, account_id, region, key_id)
    WHERE state = 'Enabled' AND rotation_enabled;

CREATE TABLE key_materials (
    account_id text COLLATE "C" NOT NULL,
    region text COLLATE "C" NOT NULL,
    key_id text COLLATE "C" NOT NULL,
    -- Insertion order within the key: 1 is the oldest version.
    ordinal integer NOT NULL,
    material_id text COLLATE "C" NOT NULL,
    created_at bigint NOT NULL,
    rotation_type text CHECK (rotation_type IS NULL OR rotation_type IN ('AUTOMATIC', 'ON_DEMAND')),
    sealed bytea NOT NULL,
    PRIMARY KEY (account_id, region, key_id, ordinal),
    UNIQUE (account_id, region, key_id, material_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
);

CREATE TABLE aliases (
    account_id text COLLATE "C" NOT NULL,
    region text COLLATE "C" NOT NULL,
    alias_name text COLLATE "C" NOT NULL,
    target_key_id text COLLATE "C" NOT NULL,
    creation_date bigint NOT NULL,
    last_updated_date bigint NOT NULL,
    PRIMARY KEY (account_id, region, alias_name)
);

-- Serves listing a key's aliases in name order, counting them, and removing them with the key.
CREATE INDEX aliases_by_target ON aliases (account_id, region, target_key_id, alias_name);

CREATE TABLE meta (
    name text COLLATE "C" NOT NULL PRIMARY KEY,
    value text NOT NULL
);

-- IAM names are unique per account regardless of case, as IAM's are. IAM names are ASCII ([\w+=,.@-]); the *_key
-- columns hold them lowercased, and listings run in their byte order: SQLite's NOCASE order.
CREATE TABLE iam_users (
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (account_id),
    user_name text NOT NULL,
    user_key text COLLATE "C" GENERATED ALWAYS AS (lower(user_name)) STORED,
    user_id text COLLATE "C" NOT NULL UNIQUE,
    path text COLLATE "C" NOT NULL,
    arn text NOT NULL,
    create_date bigint NOT NULL,
    -- JSON array of {"Key","Value"} objects in the order given.
    tags text NOT NULL,
    PRIMARY KEY (account_id, user_key)
);

CREATE TABLE iam_roles (
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (account_id),
    role_name text NOT NULL,
    role_key text COLLATE "C" GENERATED ALWAYS AS (lower(role_name)) STORED,
    role_id text COLLATE "C" NOT NULL UNIQUE,
    path text COLLATE "C" NOT NULL,
    arn text NOT NULL,
    assume_role_policy text NOT NULL,
    description text,
    max_session_duration integer NOT NULL,
    create_date bigint NOT NULL,
    tags text NOT NULL,
    PRIMARY KEY (account_id, role_key)
);

-- Keyed by the owner's id, not its name: a user or role created again under an old name starts without policies.
CREATE TABLE iam_user_policies (
    user_id text COLLATE "C" NOT NULL REFERENCES iam_users (user_id),
    policy_name text NOT NULL,
    policy_key text COLLATE "C" GENERATED ALWAYS AS (lower(policy_name)) STORED,
    document text NOT NULL,
    PRIMARY KEY (user_id, policy_key)
);

CREATE TABLE iam_role_policies (
    role_id text COLLATE "C" NOT NULL REFERENCES iam_roles (role_id),
    policy_name text NOT NULL,
    policy_key text COLLATE "C" GENERATED ALWAYS AS (lower(policy_name)) STORED,
    document text NOT NULL,
    PRIMARY KEY (role_id, policy_key)
);

-- Grants on keys; a grant goes with its key. Operations are a JSON array of names; a constraint is its type and a
-- JSON object of its pairs, both NULL when the grant has none.
CREATE TABLE grants (
    account_id text COLLATE "C" NOT NULL,
    region text COLLATE "C" NOT NULL,
    key_id text COLLATE "C" NOT NULL,
    grant_id text COLLATE "C" NOT NULL,
    name text COLLATE "C",
    grantee_principal text COLLATE "C" NOT NULL,
    retiring_principal text COLLATE "C",
    operations text NOT NULL,
    constraint_type text CHECK (constraint_type IS NULL OR constraint_type IN ('EncryptionContextSubset', 'EncryptionContextEquals')),
    constraint_pairs text,
    creation_date bigint NOT NULL,
    PRIMARY KEY (account_id, region, key_id, grant_id),
    CHECK ((constraint_type IS NULL) = (constraint_pairs IS NULL)),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
);

CREATE INDEX grants_by_key ON grants (account_id, region, key_id, creation_date, grant_id);
CREATE INDEX grants_by_retiring_principal ON grants (region, retiring_principal, creation_date, grant_id)
    WHERE retiring_principal IS NOT NULL;
CREATE INDEX grants_by_name ON grants (account_id, region, key_id, name, creation_date, grant_id)
    WHERE name IS NOT NULL;

-- The last successful cryptographic use of each key (GetKeyLastUsage); the row goes with its key.
CREATE TABLE key_usage (
    account_id text COLLATE "C" NOT NULL,
    region text COLLATE "C" NOT NULL,
    key_id text COLLATE "C" NOT NULL,
    operation text NOT NULL,
    used_at bigint NOT NULL,
    event_id text NOT NULL,
    request_id text NOT NULL,
    PRIMARY KEY (account_id, region, key_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
);

-- Background work runs on the node holding its lease; the database's clock decides when a lease has run out.
CREATE TABLE leases (
    name text COLLATE "C" NOT NULL PRIMARY KEY,
    holder text COLLATE "C" NOT NULL,
    expires_at timestamptz NOT NULL
);
