#!/usr/bin/env bash
# The audit trail with the real aws CLI against `trent serve`: every call, refused or not, KMS or STS, is one record
# whose requestID is the x-amzn-RequestId the CLI got; `trent audit query` finds them; `trent audit verify` passes the
# untouched trail and, after a record is edited, fails naming it.
source "$(dirname "$0")/lib.sh"
build_trent

DATA="$WORK/data"
start_trent "$DATA"
export AWS_SHARED_CREDENTIALS_FILE="$DATA/root-credentials" AWS_PROFILE=trent AWS_DEFAULT_REGION=eu-west-3 AWS_MAX_ATTEMPTS=1
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
trent() { dotnet "$TRENT_DLL" "$@"; }

KEY_ID=$(kms create-key --output text --query KeyMetadata.KeyId)
# botocore's debug log shows the response headers: the request id the client saw.
ENCRYPT_ID=$(kms encrypt --key-id "$KEY_ID" --plaintext aGVsbG8= --encryption-context app=e2e --debug 2>&1 >/dev/null \
  | grep -o "'x-amzn-RequestId': '[^']*'" | head -1 | cut -d"'" -f4)
[[ -n "$ENCRYPT_ID" ]] || fail "no x-amzn-RequestId in the CLI's debug log"
if OUT=$(kms describe-key --key-id 11111111-2222-3333-4444-555555555555 2>&1); then fail "describe-key of a missing key succeeded: $OUT"; fi
aws sts --endpoint-url "$ENDPOINT" get-caller-identity >/dev/null
stop_trent

RECORDS=$(cat "$DATA"/audit/trail-*.jsonl | wc -l)
expect_eq "one record per request" 4 "$RECORDS"
ENCRYPTS=$(trent audit query --data-dir "$DATA" --event-name Encrypt)
expect_eq "the Encrypt record's requestID" "$ENCRYPT_ID" "$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["requestID"])' <<<"$ENCRYPTS")"
expect_eq "the Encrypt record's encryption context" e2e \
  "$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["requestParameters"]["encryptionContext"]["app"])' <<<"$ENCRYPTS")"
grep -q aGVsbG8= "$DATA"/audit/trail-*.jsonl && fail "the plaintext reached the trail"
echo "ok: the plaintext is not in the trail"
trent audit query --data-dir "$DATA" --error-code NotFoundException --table | grep -q "DescribeKey" || fail "query --error-code did not find DescribeKey"
echo "ok: query by error code"
SOURCE=$(trent audit query --data-dir "$DATA" --event-name GetCallerIdentity | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["eventSource"])')
expect_eq "the STS call's eventSource" sts.amazonaws.com "$SOURCE"

VERIFIED=$(trent audit verify --data-dir "$DATA") || fail "verify failed on an untouched trail: $VERIFIED"
grep -q "Trail intact: 4 records" <<<"$VERIFIED" || fail "verify said: $VERIFIED"
echo "ok: verify passes the untouched trail"
FILE=$(ls "$DATA"/audit/trail-*.jsonl | head -1)
sed -i '2s/"Encrypt"/"Decrypt"/' "$FILE"
if TAMPERED=$(trent audit verify --data-dir "$DATA"); then fail "verify passed an edited trail: $TAMPERED"; fi
grep -q "$(basename "$FILE") line 2 (record 2) was altered" <<<"$TAMPERED" || fail "verify did not name the edited record: $TAMPERED"
echo "ok: verify names the edited record"
echo "PASS: audit"
