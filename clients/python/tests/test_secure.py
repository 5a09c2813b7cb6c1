"""A `vecshard up --secure` cluster: TLS with the cluster CA and API keys as `authorization: Bearer` metadata."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

import vecshard

DIM = 8


def test_keys_and_the_ca_let_each_role_do_its_part(secure_cluster) -> None:  # type: ignore[no-untyped-def]
    vectors = np.random.default_rng(21).normal(size=(300, DIM)).astype(np.float32)
    address, ca = secure_cluster.address, secure_cluster.ca
    with vecshard.Client(address, ca=str(ca), api_key=secure_cluster.key("admin"), timeout=120, env={}) as admin:
        admin.create_collection("secure", dim=DIM, index="IVF4,Flat", nprobe=4, fields={"n": "int64"})
        admin.train("secure", vectors)
    # the CA as PEM bytes, a write key
    with vecshard.Client(address, ca=ca.read_bytes(), api_key=secure_cluster.key("write"), env={}) as writer:
        assert writer.upsert("secure", np.arange(300), vectors, fields={"n": np.arange(300)}) == 300
        with pytest.raises(vecshard.PermissionDenied) as caught:
            writer.drop_collection("secure")
        assert caught.value.code == "PERMISSION_DENIED" and "admin" in caught.value.message
    # the variables the CLI and the TypeScript SDK read
    env = {"VECSHARD_TLS_CA": str(ca), "VECSHARD_API_KEY": secure_cluster.key("read")}
    with vecshard.Client(address, env=env) as reader:
        found = reader.search("secure", vectors[9], k=1, output_fields=["n"])
        assert found.ids[0, 0] == 9 and found.fields["n"][0, 0] == 9
        with pytest.raises(vecshard.PermissionDenied):
            reader.upsert("secure", [1], vectors[:1])


def test_no_key_is_unauthenticated(secure_cluster) -> None:  # type: ignore[no-untyped-def]
    with vecshard.Client(secure_cluster.address, ca=str(secure_cluster.ca), env={}) as anonymous:
        with pytest.raises(vecshard.Unauthenticated) as caught:
            anonymous.list_collections()
    assert caught.value.code == "UNAUTHENTICATED"
    with vecshard.Client(secure_cluster.address, ca=str(secure_cluster.ca), api_key="not-a-key", env={}) as wrong:
        with pytest.raises(vecshard.Unauthenticated):
            wrong.list_collections()


def test_plaintext_or_another_ca_cannot_connect(secure_cluster) -> None:  # type: ignore[no-untyped-def]
    key = secure_cluster.key("admin")
    with vecshard.Client(secure_cluster.address, api_key=key, retries=0, timeout=10, env={}) as plaintext:
        with pytest.raises(vecshard.Unavailable):
            plaintext.list_collections()
    # TLS towards a server that trusts no CA of ours: the system roots do not know the cluster CA
    with vecshard.Client(secure_cluster.address, tls=True, api_key=key, retries=0, timeout=10, env={}) as roots:
        with pytest.raises(vecshard.Unavailable):
            roots.list_collections()


def test_the_async_client_over_tls(secure_cluster) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        async with vecshard.AsyncClient(
            secure_cluster.address, ca=str(secure_cluster.ca), api_key=secure_cluster.key("read"), env={}
        ) as client:
            names = [c.name for c in await client.list_collections()]
            assert isinstance(names, list)
            with pytest.raises(vecshard.PermissionDenied):
                await client.create_collection("nope", dim=4, index="IVF4,Flat")
        async with vecshard.AsyncClient(secure_cluster.address, ca=str(secure_cluster.ca), env={}) as anonymous:
            with pytest.raises(vecshard.Unauthenticated):
                await anonymous.list_collections()

    asyncio.run(main())
