"""boto3's EC2 waiters against a pcxsim endpoint (run by test/iac/boto3-waiters.test.ts with Debian's
/usr/bin/python3 and python3-boto3). Prints one JSON object: what each step saw.

Usage: boto3_waiters.py ENDPOINT ACCOUNT_A ACCOUNT_B
"""
import json
import sys
import time

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError

endpoint, account_a, account_b = sys.argv[1:4]
# A short delay: pcxsim answers at once; the attempts bound how long a wrong answer can spin.
FAST = {"Delay": 1, "MaxAttempts": 10}


def client(account):
    return boto3.client(
        "ec2",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=account,
        aws_secret_access_key="notasecret",
        config=Config(retries={"max_attempts": 1}),
    )


def timed(wait, **kwargs):
    """Runs a waiter; returns (outcome, seconds): 'ok', or the waiter's error reason."""
    start = time.monotonic()
    try:
        wait(**kwargs)
        outcome = "ok"
    except WaiterError as error:
        outcome = "WaiterError: " + str(error.kwargs.get("reason", error))
    return outcome, round(time.monotonic() - start, 2)


a, b = client(account_a), client(account_b)
report = {"boto3": boto3.__version__, "botocore": botocore.__version__}

vpc_a = a.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
vpc_b = b.create_vpc(CidrBlock="10.41.0.0/16")["Vpc"]["VpcId"]
report["vpc_exists"] = timed(a.get_waiter("vpc_exists").wait, VpcIds=[vpc_a], WaiterConfig=FAST)
report["vpc_available"] = timed(a.get_waiter("vpc_available").wait, VpcIds=[vpc_a], WaiterConfig=FAST)

created = a.create_vpc_peering_connection(VpcId=vpc_a, PeerVpcId=vpc_b, PeerOwnerId=account_b)["VpcPeeringConnection"]
pcx = created["VpcPeeringConnectionId"]
report["created_status"] = created["Status"]["Code"]
# The accepter waits for the request to reach it, then accepts it.
report["exists_for_accepter"] = timed(b.get_waiter("vpc_peering_connection_exists").wait, VpcPeeringConnectionIds=[pcx], WaiterConfig=FAST)
report["accepted_status"] = b.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)["VpcPeeringConnection"]["Status"]["Code"]
report["active_filter"] = timed(
    a.get_waiter("vpc_peering_connection_exists").wait,
    Filters=[{"Name": "vpc-peering-connection-id", "Values": [pcx]}, {"Name": "status-code", "Values": ["active"]}],
    WaiterConfig=FAST,
)
report["status_after_accept"] = a.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx])["VpcPeeringConnections"][0]["Status"]["Code"]

a.delete_vpc_peering_connection(VpcPeeringConnectionId=pcx)
report["deleted_for_requester"] = timed(a.get_waiter("vpc_peering_connection_deleted").wait, VpcPeeringConnectionIds=[pcx], WaiterConfig=FAST)
report["deleted_for_accepter"] = timed(b.get_waiter("vpc_peering_connection_deleted").wait, VpcPeeringConnectionIds=[pcx], WaiterConfig=FAST)

# An ID nobody has: `exists` retries InvalidVpcPeeringConnectionID.NotFound until it gives up, and
# `deleted` takes the same error as success.
unknown = "pcx-0123456789abcdef0"
report["exists_unknown"] = timed(a.get_waiter("vpc_peering_connection_exists").wait, VpcPeeringConnectionIds=[unknown], WaiterConfig={"Delay": 1, "MaxAttempts": 2})
report["deleted_unknown"] = timed(a.get_waiter("vpc_peering_connection_deleted").wait, VpcPeeringConnectionIds=[unknown], WaiterConfig=FAST)
try:
    a.describe_vpc_peering_connections(VpcPeeringConnectionIds=[unknown])
    report["unknown_error"] = None
except ClientError as error:
    report["unknown_error"] = error.response["Error"]["Code"]

print(json.dumps(report))
