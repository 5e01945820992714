"""A real S3-compatible server on 127.0.0.1 for the tests: moto in server mode, started in a
process of its own on a free port, with one bucket."""

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The bucket policy the README tells a newsroom to set: anyone may read, only the site writes.
PUBLIC_READ_POLICY = (
    Path(__file__).resolve().parents[1] / "deploy" / "s3" / "public-read-policy.json"
)

# moto accepts any credentials; boto3 needs some to sign its requests.
ACCESS_KEY = "hnp-tests"
SECRET_KEY = "hnp-tests-secret"  # noqa: S105 - moto's, not a secret
REGION = "us-east-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Bucket:
    endpoint: str
    name: str

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def keys(self, prefix: str = "") -> list[str]:
        pages = self.client().get_paginator("list_objects_v2")
        return sorted(
            item["Key"]
            for page in pages.paginate(Bucket=self.name, Prefix=prefix)
            for item in page.get("Contents", [])
        )

    def storage_options(self, **overrides) -> dict:
        """`STORAGES["default"]` as hnp/settings.py makes it for this bucket."""
        options = {
            "bucket_name": self.name,
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            **overrides,
        }
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}

    def environment(self) -> dict:
        """The variables a production server reads to use this bucket."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }


@contextlib.contextmanager
def s3_server(log_path) -> Iterator[str]:
    """Start moto's S3 server on a free port of 127.0.0.1; yields its address."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(endpoint + "/", timeout=2).close()  # noqa: S310 - our server
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"moto did not start: {Path(log_path).read_text(errors='replace')[-2000:]}"
                    ) from None
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def new_bucket(endpoint: str) -> Bucket:
    """A new bucket that readers may read, set up as the README says."""
    bucket = Bucket(endpoint=endpoint, name=f"hnp-media-{uuid.uuid4().hex[:12]}")
    client = bucket.client()
    client.create_bucket(Bucket=bucket.name)
    policy = PUBLIC_READ_POLICY.read_text().replace(
        "arn:aws:s3:::hnp-media/", f"arn:aws:s3:::{bucket.name}/"
    )
    assert json.loads(policy)["Statement"][0]["Resource"].endswith(f":{bucket.name}/*")
    client.put_bucket_policy(Bucket=bucket.name, Policy=policy)
    return bucket
