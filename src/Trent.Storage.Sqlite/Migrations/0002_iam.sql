-- IAM users, roles and their inline policies. Names are unique per account regardless of case, as IAM's are:
-- IAM names are ASCII ([\w+=,.@-]), which NOCASE folds exactly. Listings read in NOCASE name order.

CREATE TABLE iam_users (
    account_id TEXT NOT NULL REFERENCES accounts (account_id),
    user_name TEXT NOT NULL COLLATE NOCASE,
    user_id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    arn TEXT NOT NULL,
    create_date INTEGER NOT NULL,
    -- JSON array of {"Key","Value"} objects in the order given.
    tags TEXT NOT NULL,
    PRIMARY KEY (account_id, user_name)
) STRICT;

CREATE TABLE iam_roles (
    account_id TEXT NOT NULL REFERENCES accounts (account_id),
    role_name TEXT NOT NULL COLLATE NOCASE,
    role_id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    arn TEXT NOT NULL,
    assume_role_policy TEXT NOT NULL,
    description TEXT,
    max_session_duration INTEGER NOT NULL,
    create_date INTEGER NOT NULL,
    tags TEXT NOT NULL,
    PRIMARY KEY (account_id, role_name)
) STRICT;

-- Keyed by the owner's id, not its name: a user or role created again under an old name starts without policies.
CREATE TABLE iam_user_policies (
    user_id TEXT NOT NULL REFERENCES iam_users (user_id),
    policy_name TEXT NOT NULL COLLATE NOCASE,
    document TEXT NOT NULL,
    PRIMARY KEY (user_id, policy_name)
) STRICT;

CREATE TABLE iam_role_policies (
    role_id TEXT NOT NULL REFERENCES iam_roles (role_id),
    policy_name TEXT NOT NULL COLLATE NOCASE,
    document TEXT NOT NULL,
    PRIMARY KEY (role_id, policy_name)
) STRICT;

-- Serves a principal's key listing and the per-principal quota check.
CREATE INDEX access_keys_by_user ON access_keys (account_id, user_id);
