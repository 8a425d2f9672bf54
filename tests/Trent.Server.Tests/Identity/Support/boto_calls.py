"""Runs IAM/STS calls with boto3 (botocore is the AWS CLI's engine) against a Trent endpoint, for the server tests.

Reads {"endpoint", "region", "credentials": {"id", "secret", "token"}, "calls": [{"service", "operation", "params"}]}
from stdin; writes one outcome per call to stdout: {"result": ...} or {"error": {"Code", "Message", "Type"}}, each with
the HTTP "status", the raw response "body" and its "requestId" header, so tests see both what botocore parsed and the wire.
"""
import json
import sys

import urllib.error
import urllib.request

import boto3
import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.exceptions import ClientError


def main():
    request = json.load(sys.stdin)
    creds = request["credentials"]
    session = boto3.session.Session(
        aws_access_key_id=creds["id"],
        aws_secret_access_key=creds["secret"],
        aws_session_token=creds.get("token"),
        region_name=request.get("region", "us-east-1"),
    )
    # One attempt per call, and no client-side validation: the server's own validation is under test.
    config = Config(retries={"total_max_attempts": 1, "mode": "standard"}, parameter_validation=False)
    clients = {}
    wire = {}

    def capture(http_response, **_):
        wire["status"] = http_response.status_code
        wire["body"] = http_response.text
        wire["requestId"] = http_response.headers.get("x-amzn-RequestId")

    outcomes = []
    for call in request["calls"]:
        if "raw" in call:
            outcomes.append(send_raw(request["endpoint"], session, request.get("region", "us-east-1"), call["raw"]))
            continue
        service = call["service"]
        if service not in clients:
            client = session.client(service, endpoint_url=request["endpoint"], config=config)
            client.meta.events.register("after-call", capture)
            clients[service] = client
        client = clients[service]
        wire.clear()
        method = getattr(client, botocore.xform_name(call["operation"]))
        try:
            result = method(**call.get("params", {}))
            result.pop("ResponseMetadata", None)
            outcome = {"result": result}
        except ClientError as e:
            outcome = {"error": e.response.get("Error", {})}
        outcome.update(wire)
        outcomes.append(outcome)
    json.dump(outcomes, sys.stdout, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v))


def send_raw(endpoint, session, region, raw):
    """A hand-made request signed by botocore's SigV4 for any signing name: what no generated client would send."""
    aws_request = AWSRequest(method=raw.get("method", "POST"), url=endpoint + raw.get("query", ""), data=raw["body"].encode(),
                             headers=raw.get("headers", {}))
    SigV4Auth(session.get_credentials().get_frozen_credentials(), raw["signingName"], region).add_auth(aws_request)
    prepared = aws_request.prepare()
    http_request = urllib.request.Request(prepared.url, data=prepared.body, headers=dict(prepared.headers), method=prepared.method)
    try:
        with urllib.request.urlopen(http_request) as response:
            return {"status": response.status, "body": response.read().decode(), "requestId": response.headers.get("x-amzn-RequestId")}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": e.read().decode(), "requestId": e.headers.get("x-amzn-RequestId")}


if __name__ == "__main__":
    main()
