-- Grants on keys. A grant goes with its key: deleting the key row deletes its grants in the same transaction.
-- Operations are a JSON array of names; a constraint is its type (EncryptionContextSubset or EncryptionContextEquals)
-- and a JSON object of its pairs, both NULL when the grant has none.

CREATE TABLE grants (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    grant_id TEXT NOT NULL,
    name TEXT,
    grantee_principal TEXT NOT NULL,
    retiring_principal TEXT,
    operations TEXT NOT NULL,
    constraint_type TEXT CHECK (constraint_type IS NULL OR constraint_type IN ('EncryptionContextSubset', 'EncryptionContextEquals')),
    constraint_pairs TEXT,
    creation_date INTEGER NOT NULL,
    PRIMARY KEY (account_id, region, key_id, grant_id),
    CHECK ((constraint_type IS NULL) = (constraint_pairs IS NULL)),
    FOREIGN KEY (account_id, region, key_id) REFERENCES keys (account_id, region, key_id) ON DELETE CASCADE
) STRICT;

-- Serves a key's listing in (creation date, grant id) order, its count, and the cascade from the key.
CREATE INDEX grants_by_key ON grants (account_id, region, key_id, creation_date, grant_id);

-- Serves ListRetirableGrants across the region's keys in listing order.
CREATE INDEX grants_by_retiring_principal ON grants (region, retiring_principal, creation_date, grant_id)
    WHERE retiring_principal IS NOT NULL;

-- Serves CreateGrant's name idempotency, in listing order.
CREATE INDEX grants_by_name ON grants (account_id, region, key_id, name, creation_date, grant_id)
    WHERE name IS NOT NULL;
