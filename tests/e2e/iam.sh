#!/usr/bin/env bash
# Identities through the AWS APIs, with the real aws CLI against `trent serve`: as the account root, create a user,
# its access key and an inline policy from a file; the user's `aws sts get-caller-identity` names its account, user id
# and ARN; KMS lets the user do what its policy allows and nothing else. Then a role the user may assume, a session
# that signs KMS requests and knows who it is, and a second account made with `trent account create`.
source "$(dirname "$0")/lib.sh"
build_trent

DATA="$WORK/data"
start_trent "$DATA"
export AWS_SHARED_CREDENTIALS_FILE="$DATA/root-credentials" AWS_PROFILE=trent AWS_DEFAULT_REGION=eu-west-3 AWS_MAX_ATTEMPTS=1
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
ACCOUNT=$(sed -n 's/^# Trent account \([0-9]*\) .*/\1/p' "$DATA/root-credentials")

iam() { aws iam --endpoint-url "$ENDPOINT" "$@"; }
sts() { aws sts --endpoint-url "$ENDPOINT" "$@"; }
# as <access-key-id> <secret> [session-token] -- <command...>: runs a command with those credentials only.
as() {
  local id="$1" secret="$2" token="${3:-}"; shift 3
  env -u AWS_PROFILE AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_ACCESS_KEY_ID="$id" AWS_SECRET_ACCESS_KEY="$secret" \
    ${token:+AWS_SESSION_TOKEN="$token"} "$@"
}

# The scenario of the issue.
cat >"$WORK/p.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:Encrypt","sts:AssumeRole"],"Resource":"*"}]}
JSON
read -r USER_ID USER_ARN < <(iam create-user --user-name app --output text --query 'User.[UserId, Arn]')
read -r APP_KEY APP_SECRET < <(iam create-access-key --user-name app --output text --query 'AccessKey.[AccessKeyId, SecretAccessKey]')
iam put-user-policy --user-name app --policy-name kms-use --policy-document "file://$WORK/p.json"
expect_eq "user ARN" "arn:aws:iam::$ACCOUNT:user/app" "$USER_ARN"
[[ "$USER_ID" =~ ^AIDA[A-Z2-7]{16}$ ]] || fail "user id '$USER_ID' is not an AIDA id"

read -r ME_ACCOUNT ME_ID ME_ARN < <(as "$APP_KEY" "$APP_SECRET" "" aws sts get-caller-identity --endpoint-url "$ENDPOINT" --output text --query '[Account, UserId, Arn]')
expect_eq "app's account" "$ACCOUNT" "$ME_ACCOUNT"
expect_eq "app's user id" "$USER_ID" "$ME_ID"
expect_eq "app's ARN" "$USER_ARN" "$ME_ARN"
expect_eq "policy names" "kms-use" "$(iam list-user-policies --user-name app --output text --query 'PolicyNames[0]')"
expect_eq "policy document" "kms:Encrypt" "$(iam get-user-policy --user-name app --policy-name kms-use --output text --query 'PolicyDocument.Statement[0].Action[0]')"

# KMS enforces app's policy: the default key policy delegates to the account's IAM, which allows app Encrypt only.
KMS_KEY=$(aws kms --endpoint-url "$ENDPOINT" create-key --output text --query KeyMetadata.KeyId)
BLOB=$(as "$APP_KEY" "$APP_SECRET" "" aws kms --endpoint-url "$ENDPOINT" encrypt --key-id "$KMS_KEY" --plaintext aGk= --output text --query CiphertextBlob)
[[ -n "$BLOB" ]] || fail "app could not encrypt"
echo "ok: app may encrypt"
if OUT=$(as "$APP_KEY" "$APP_SECRET" "" aws kms --endpoint-url "$ENDPOINT" describe-key --key-id "$KMS_KEY" 2>&1); then
  fail "app described a key its policy does not allow: $OUT"
fi
grep -q "AccessDeniedException" <<<"$OUT" || fail "describe-key as app: expected AccessDeniedException, got: $OUT"
echo "ok: app may not describe the key"

# IAM itself is authorized: app has no iam:* permission.
if OUT=$(as "$APP_KEY" "$APP_SECRET" "" aws iam --endpoint-url "$ENDPOINT" create-user --user-name intruder 2>&1); then
  fail "a user without IAM permissions created a user: $OUT"
fi
grep -q "AccessDenied" <<<"$OUT" || fail "expected AccessDenied, got: $OUT"
echo "ok: IAM actions need an identity policy"

# Errors come back in IAM's shape.
OUT=$(iam create-user --user-name APP 2>&1 || true)
grep -q "(EntityAlreadyExists)" <<<"$OUT" || fail "a name taken in another case: expected EntityAlreadyExists, got: $OUT"
OUT=$(iam delete-user --user-name app 2>&1 || true)
grep -q "(DeleteConflict)" <<<"$OUT" || fail "deleting a user with keys: expected DeleteConflict, got: $OUT"
echo "ok: EntityAlreadyExists and DeleteConflict"

# A role app may assume; its session signs KMS requests as the assumed role.
cat >"$WORK/trust.json" <<JSON
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"$USER_ARN"},"Action":"sts:AssumeRole"}]}
JSON
ROLE_ARN=$(iam create-role --role-name deployer --assume-role-policy-document "file://$WORK/trust.json" --output text --query Role.Arn)
iam put-role-policy --role-name deployer --policy-name make-keys \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:CreateKey","Resource":"*"}]}'
read -r S_KEY S_SECRET S_TOKEN < <(as "$APP_KEY" "$APP_SECRET" "" aws sts assume-role --endpoint-url "$ENDPOINT" --role-arn "$ROLE_ARN" \
  --role-session-name e2e --output text --query 'Credentials.[AccessKeyId, SecretAccessKey, SessionToken]')
expect_eq "session ARN" "arn:aws:sts::$ACCOUNT:assumed-role/deployer/e2e" \
  "$(as "$S_KEY" "$S_SECRET" "$S_TOKEN" aws sts --endpoint-url "$ENDPOINT" get-caller-identity --output text --query Arn)"
KEY_ID=$(as "$S_KEY" "$S_SECRET" "$S_TOKEN" aws kms --endpoint-url "$ENDPOINT" create-key --output text --query KeyMetadata.KeyId)
[[ -n "$KEY_ID" ]] || fail "the session could not create a key"
echo "ok: an assumed-role session signs KMS requests with its role's permissions"

# A deactivated key stops working at once.
iam update-access-key --user-name app --access-key-id "$APP_KEY" --status Inactive
OUT=$(as "$APP_KEY" "$APP_SECRET" "" aws sts --endpoint-url "$ENDPOINT" get-caller-identity 2>&1 || true)
grep -q "(InvalidClientTokenId)" <<<"$OUT" || fail "inactive key: expected InvalidClientTokenId, got: $OUT"
echo "ok: an inactive key is refused"

# A second account, added to the data directory while the server runs.
dotnet "$TRENT_DLL" account create --data-dir "$DATA" --account-id 444455556666 >"$WORK/account.out"
[[ "$(stat -c %a "$DATA/credentials-444455556666")" == "600" ]] || fail "credentials-444455556666 is not mode 0600"
expect_eq "second account" "arn:aws:iam::444455556666:root" \
  "$(AWS_SHARED_CREDENTIALS_FILE="$DATA/credentials-444455556666" AWS_PROFILE=trent-444455556666 sts get-caller-identity --output text --query Arn)"
echo "iam scenario passed"
