#!/usr/bin/env bash
# Grants with the real aws CLI against `trent serve`: the account root grants a user without any policy the use of
# a key under an encryption context constraint; the user encrypts with the token at once, is refused outside the
# constraint, and retires the grant as its retiring principal; a named grant is idempotent; revoke-grant ends one.
source "$(dirname "$0")/lib.sh"
build_trent

DATA="$WORK/data"
start_trent "$DATA"
export AWS_SHARED_CREDENTIALS_FILE="$DATA/root-credentials" AWS_PROFILE=trent AWS_DEFAULT_REGION=eu-west-3 AWS_MAX_ATTEMPTS=1
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
ACCOUNT=$(sed -n 's/^# Trent account \([0-9]*\) .*/\1/p' "$DATA/root-credentials")

iam() { aws iam --endpoint-url "$ENDPOINT" "$@"; }
# as_app <command...>: runs a command with app's credentials only.
as_app() {
  env -u AWS_PROFILE AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_ACCESS_KEY_ID="$APP_KEY" AWS_SECRET_ACCESS_KEY="$APP_SECRET" "$@"
}

USER_ARN=$(iam create-user --user-name app --output text --query User.Arn)
read -r APP_KEY APP_SECRET < <(iam create-access-key --user-name app --output text --query 'AccessKey.[AccessKeyId, SecretAccessKey]')
KEY_ID=$(kms create-key --output text --query KeyMetadata.KeyId)
KEY_ARN="arn:aws:kms:eu-west-3:$ACCOUNT:key/$KEY_ID"

read -r GRANT_ID GRANT_TOKEN < <(kms create-grant --key-id "$KEY_ID" --grantee-principal "$USER_ARN" --retiring-principal "$USER_ARN" \
  --operations Encrypt Decrypt --constraints EncryptionContextSubset={Dept=IT} --name app-grant --output text --query '[GrantId, GrantToken]')
[[ "$GRANT_ID" =~ ^[0-9a-f]{64}$ ]] || fail "grant id '$GRANT_ID' is not 64 hex digits"
echo "ok: create-grant"

BLOB=$(as_app aws kms --endpoint-url "$ENDPOINT" encrypt --key-id "$KEY_ID" --plaintext aGk= --encryption-context Dept=IT,App=x \
  --grant-tokens "$GRANT_TOKEN" --output text --query CiphertextBlob)
[[ -n "$BLOB" ]] || fail "app could not encrypt with the grant"
echo "ok: the grant token works at once"
if OUT=$(as_app aws kms --endpoint-url "$ENDPOINT" encrypt --key-id "$KEY_ID" --plaintext aGk= --encryption-context Dept=HR 2>&1); then
  fail "app encrypted outside the grant's constraint: $OUT"
fi
grep -q "AccessDeniedException" <<<"$OUT" || fail "outside the constraint: expected AccessDeniedException, got: $OUT"
echo "ok: the constraint holds"

AGAIN=$(kms create-grant --key-id "$KEY_ID" --grantee-principal "$USER_ARN" --retiring-principal "$USER_ARN" \
  --operations Decrypt Encrypt --constraints EncryptionContextSubset={Dept=IT} --name app-grant --output text --query GrantId)
expect_eq "same name, same parameters" "$GRANT_ID" "$AGAIN"

expect_eq "listed grant" "$KEY_ARN $GRANT_ID app-grant arn:aws:iam::$ACCOUNT:root" \
  "$(kms list-grants --key-id "$KEY_ID" --output text --query 'Grants[0].[KeyId, GrantId, Name, IssuingAccount]' | tr '\t' ' ')"
expect_eq "retirable grant" "$GRANT_ID" \
  "$(kms list-retirable-grants --retiring-principal "$USER_ARN" --output text --query 'Grants[0].GrantId')"

as_app aws kms --endpoint-url "$ENDPOINT" retire-grant --grant-token "$GRANT_TOKEN"
expect_eq "grants after retire-grant" "0" "$(kms list-grants --key-id "$KEY_ID" --output text --query 'length(Grants)')"
OUT=$(kms encrypt --key-id "$KEY_ID" --plaintext aGk= --grant-tokens "$GRANT_TOKEN" 2>&1 || true)
grep -q "(InvalidGrantTokenException)" <<<"$OUT" || fail "a retired grant's token: expected InvalidGrantTokenException, got: $OUT"
echo "ok: a retired grant's token is refused"

REVOKED=$(kms create-grant --key-id "$KEY_ID" --grantee-principal "$USER_ARN" --operations Encrypt --output text --query GrantId)
kms revoke-grant --key-id "$KEY_ARN" --grant-id "$REVOKED"
expect_eq "grants after revoke-grant" "0" "$(kms list-grants --key-id "$KEY_ID" --output text --query 'length(Grants)')"
echo "grants scenario passed"
