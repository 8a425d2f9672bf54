#!/usr/bin/env bash
# The foundation scenario, verbatim with the real aws CLI: create a key, enable rotation, alias it, encrypt,
# decrypt to exactly "This is a secret"; rotation status; restart on the same data directory; scheduled deletion.
source "$(dirname "$0")/lib.sh"
build_trent

DATA="$WORK/data"
start_trent "$DATA" --dev
[[ -f "$DATA/root-credentials" ]] || fail "first start did not write root-credentials"
[[ "$(stat -c %a "$DATA/root-credentials")" == "600" ]] || fail "root-credentials is not mode 0600"
[[ "$(stat -c %a "$DATA/root.key")" == "600" ]] || fail "root.key is not mode 0600"

# Signed with the account's real root credentials: the signature is verified even in dev mode.
export AWS_SHARED_CREDENTIALS_FILE="$DATA/root-credentials" AWS_PROFILE=trent AWS_DEFAULT_REGION=eu-west-3
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN

KEY_ID=$(kms create-key --description "KMS key for encrypting sensitive app data" --output text --query KeyMetadata.KeyId)
kms enable-key-rotation --key-id "$KEY_ID"
kms create-alias --alias-name alias/my-app-key --target-key-id "$KEY_ID"
BLOB=$(kms encrypt --key-id alias/my-app-key --plaintext "This is a secret" --output text --query CiphertextBlob)
PLAIN=$(kms decrypt --ciphertext-blob fileb://<(echo "$BLOB" | base64 --decode) --output text --query Plaintext | base64 --decode)
expect_eq "decrypted plaintext" "This is a secret" "$PLAIN"

expect_eq "rotation enabled" "True" "$(kms get-key-rotation-status --key-id "$KEY_ID" --output text --query KeyRotationEnabled)"
expect_eq "rotation period" "365" "$(kms get-key-rotation-status --key-id "$KEY_ID" --output text --query RotationPeriodInDays)"

# Restart on the same data directory: alias, rotation state and the earlier ciphertext still work.
stop_trent
start_trent "$DATA" --dev
expect_eq "alias after restart" "$KEY_ID" "$(kms describe-key --key-id alias/my-app-key --output text --query KeyMetadata.KeyId)"
expect_eq "rotation after restart" "True" "$(kms get-key-rotation-status --key-id "$KEY_ID" --output text --query KeyRotationEnabled)"
PLAIN=$(kms decrypt --ciphertext-blob fileb://<(echo "$BLOB" | base64 --decode) --output text --query Plaintext | base64 --decode)
expect_eq "decrypt after restart" "This is a secret" "$PLAIN"

# What Terraform does for deletion_window_in_days = 10.
NOW=$(date +%s)
read -r STATE DELETION WINDOW < <(kms schedule-key-deletion --key-id "$KEY_ID" --pending-window-in-days 10 \
  --output text --query '[KeyState, DeletionDate, PendingWindowInDays]')
expect_eq "state after scheduling" "PendingDeletion" "$STATE"
expect_eq "pending window" "10" "$WINDOW"
# CLI v1 prints wire timestamps as they come (epoch seconds); v2 prints ISO 8601.
if [[ "$DELETION" =~ ^[0-9.]+$ ]]; then DELETION_EPOCH=${DELETION%.*}; else DELETION_EPOCH=$(date -d "$DELETION" +%s); fi
DAYS_OUT=$(( (DELETION_EPOCH - NOW + 3600) / 86400 ))
expect_eq "deletion date in days" "10" "$DAYS_OUT"
expect_eq "describe shows pending deletion" "PendingDeletion" "$(kms describe-key --key-id "$KEY_ID" --output text --query KeyMetadata.KeyState)"

# Dev mode: an access key Trent does not know acts as the root of the dev account, as emulator users expect.
env -u AWS_PROFILE AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  aws kms --endpoint-url "$ENDPOINT" list-keys --output text --query 'Keys[0].KeyId' | grep -q "$KEY_ID" || fail "dev-mode test/test credentials do not see the account's keys"
echo "ok: dev mode accepts test/test"
stop_trent

# Without --dev, an unknown key is refused.
start_trent "$DATA"
if OUT=$(env -u AWS_PROFILE AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  aws kms --endpoint-url "$ENDPOINT" list-keys 2>&1); then
  fail "an unknown access key was accepted without --dev: $OUT"
fi
grep -q "UnrecognizedClientException" <<<"$OUT" || fail "unknown key without --dev: expected UnrecognizedClientException, got: $OUT"
echo "ok: unknown access key refused without --dev"
echo "seed scenario passed"
