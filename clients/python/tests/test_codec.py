"""Encoding and checks that need no cluster: arrays, field columns, filters, settings, errors."""

from __future__ import annotations

import numpy as np
import pytest

import vecshard
from vecshard import _codec, _core
from vecshard.progress import JobReporter, RowsReporter
from vecshard.v1 import vecshard_pb2 as pb


def test_float32_input_is_sent_without_a_conversion_and_read_back_as_views() -> None:
    vectors = np.arange(12, dtype="<f4").reshape(3, 4)
    out = _codec.matrix(vectors, 4, "vectors")
    assert out is vectors  # already contiguous <f4: no copy before tobytes
    data = out.tobytes()
    view = _codec.floats_from_bytes(data, "vectors")
    assert not view.flags.writeable and not view.flags.owndata  # np.frombuffer over the bytes
    np.testing.assert_array_equal(view.reshape(3, 4), vectors)
    ids = _codec.id_array(np.arange(3, dtype=np.int64))
    np.testing.assert_array_equal(_codec.ids_from_bytes(ids.tobytes()), [0, 1, 2])


def test_other_real_dtypes_are_converted_and_lists_taken() -> None:
    assert _codec.matrix(np.ones((2, 3)), 3, "v").dtype == np.dtype("<f4")
    assert _codec.matrix([[1, 2, 3]], 3, "v").dtype == np.dtype("<f4")
    assert _codec.matrix(np.ones(3, dtype=np.uint8), 3, "q", single=True).shape == (1, 3)
    strided = np.ones((4, 6), dtype="<f4")[:, ::2]
    assert _codec.matrix(strided, 3, "v").flags.c_contiguous


@pytest.mark.parametrize(
    "values, message",
    [
        (np.ones((2, 5), dtype="<f4"), "dimension 5, but the collection"),
        (np.ones(4, dtype="<f4"), "2-D array"),
        (np.ones((2, 2, 4)), "2-D array"),
        (np.array([["a", "b", "c", "d"]]), "must be real numbers"),
        (np.array([[1 + 2j] * 4]), "must be real numbers"),
        (np.array([[0, np.nan, 0, 0]], dtype="<f4"), "row 0 holds NaN"),
        (np.array([[0, 0, 0, 0], [0, 0, np.inf, 0]]), "row 1 holds NaN or infinity"),
    ],
)
def test_vectors_are_checked_before_sending(values: np.ndarray, message: str) -> None:
    with pytest.raises(vecshard.InvalidArgument, match=message) as caught:
        _codec.matrix(values, 4, "vectors", collection="docs")
    assert caught.value.code == "INVALID_ARGUMENT"


def test_ids_are_checked() -> None:
    assert _codec.id_array(7).tolist() == [7]
    assert _codec.id_array([]).dtype == np.dtype("<i8")
    with pytest.raises(vecshard.InvalidArgument, match="integers"):
        _codec.id_array([1.5, 2.0])
    with pytest.raises(vecshard.InvalidArgument, match="int64 range"):
        _codec.id_array(np.array([2**64 - 1], dtype=np.uint64))
    with pytest.raises(vecshard.InvalidArgument, match="≥ 0"):
        _codec.id_array([3, -1], non_negative=True)


def test_field_columns_round_trip_with_missing_values() -> None:
    n = 5
    given = {
        "int64": [1, None, -(2**63), 2**63 - 1, np.int32(4)],
        "double": np.array([0.5, np.nan, 2.0, -1.0, 3.0]),
        "keyword": ["a", "b", None, "d", np.str_("e")],
        "bool": [True, False, None, np.bool_(True), False],
        "keywords": [["x", "y"], [], None, ("z",), np.array(["w"])],
        "json": [{"a": [1, 2]}, None, "text", 3.5, [np.int64(1)]],
    }
    expected = {
        "int64": [1, None, -(2**63), 2**63 - 1, 4],
        "double": [0.5, None, 2.0, -1.0, 3.0],
        "keyword": ["a", "b", None, "d", "e"],
        "bool": [True, False, None, True, False],
        "keywords": [["x", "y"], [], None, ["z"], ["w"]],
        "json": [{"a": [1, 2]}, None, "text", 3.5, [1]],
    }
    columns = [_codec.encode_column("c", name, name, values, n) for name, values in given.items()]
    wire = pb.UpsertRequest(fields=columns)
    decoded = _codec.decode_columns(pb.UpsertRequest.FromString(wire.SerializeToString()).fields, n, (n,))
    for name, values in expected.items():
        assert decoded[name].dtype == object and decoded[name].tolist() == values, name


@pytest.mark.parametrize(
    "type_name, values, message",
    [
        ("int64", [1, 2.5], r"row 1: expected an integer"),
        ("int64", [True, 1], r"row 0: expected an integer"),
        ("int64", [2**63, 1], r"outside the int64 range"),
        ("double", ["1", 2.0], r"row 0: expected a number"),
        ("keyword", ["a", 3], r"row 1: expected a string"),
        ("bool", [1, True], r"row 0: expected a bool"),
        ("keywords", ["ab", ["a"]], r"row 0: expected a list of strings"),
        ("keywords", [["a", 1], ["a"]], r"row 0: expected strings"),
        ("json", [{1, 2}, 1], r"row 0: not JSON-serialisable"),
    ],
)
def test_field_values_of_the_wrong_type_are_refused(type_name: str, values: list, message: str) -> None:
    with pytest.raises(vecshard.InvalidArgument, match=message):
        _codec.encode_column("docs", "f", type_name, values, 2)


def test_a_column_of_another_length_is_refused() -> None:
    with pytest.raises(vecshard.InvalidArgument, match="has 1 values, but the upsert has 2 ids"):
        _codec.encode_column("docs", "f", "int64", [1], 2)


def test_filters_in_the_protos_shape() -> None:
    fields = _codec.filter_fields(
        {
            "must": [
                {"match": {"field": "color", "keywords": ["red", "blue"]}},
                {"range": {"field": "price", "gte": 10, "lt": 99.5}},
                {"nested": {"should": [{"has_id": [1, 2]}, {"isMissing": "brand"}]}},
            ],
            "mustNot": [{"match": {"field": "year", "int64s": [2020]}}],
            "should": [{"match": {"field": "ok", "bools": [True]}}],
        },
        "Search",
    )
    wire = fields["filter"]
    assert list(wire.must[0].match.keywords) == ["red", "blue"]
    assert wire.must[1].range.HasField("gte") and not wire.must[1].range.HasField("gt")
    assert wire.must[1].range.lt == 99.5
    assert np.frombuffer(wire.must[2].nested.should[0].has_id, "<i8").tolist() == [1, 2]
    assert wire.must[2].nested.should[1].is_missing == "brand"
    assert list(wire.must_not[0].match.int64s) == [2020]
    assert list(wire.should[0].match.bools) == [True]
    assert _codec.filter_fields("price < 3", "Search") == {"filter_expression": "price < 3"}
    assert _codec.filter_fields("  ", "Search") == {}
    assert _codec.filter_fields({}, "Search") == {}
    assert _codec.filter_fields(None, "Search") == {}
    message = pb.Filter(must=[pb.Condition(is_missing="x")])
    assert _codec.filter_fields(message, "Search")["filter"] is message


@pytest.mark.parametrize(
    "filter, message",
    [
        ({"any": []}, 'unknown key "any"'),
        ({"must": [{}]}, "an empty condition"),
        ({"must": [{"match": {"field": "a", "keywords": ["x"]}, "range": {"field": "b", "lt": 1}}]}, "exactly one"),
        ({"must": [{"match": {"field": "a"}}]}, "exactly one of keywords, int64s, bools"),
        ({"must": [{"match": {"field": "a", "int64s": [1.5]}}]}, r"int64s\[0\]: expected an integer"),
        ({"must": [{"range": {"field": "a"}}]}, "at least one of gt, gte, lt, lte"),
        ({"must": [{"range": {"field": "a", "lt": "5"}}]}, "expected a number"),
        ({"must": [{"range": {"field": "a", "below": 5}}]}, 'unknown key "below"'),
        ({"must": [{"match": {"keywords": ["x"]}}]}, "expected a field name"),
        ({"must": [{"is_missing": ""}]}, "expected a field name"),
        ({"must": "color"}, "expected a list of conditions"),
        (["must"], "expected a dict"),
    ],
)
def test_malformed_filters_are_refused_with_the_place(filter: object, message: str) -> None:
    with pytest.raises(vecshard.InvalidArgument, match=message) as caught:
        _codec.filter_fields(filter, "Search")  # type: ignore[arg-type]
    assert str(caught.value).startswith("Search: INVALID_ARGUMENT: filter")


def test_settings_read_the_environment_like_the_typescript_sdk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ca = tmp_path / "ca.crt"
    ca.write_bytes(b"-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n")
    settings = _core.Settings(
        None,
        api_key=None,
        ca=None,
        tls=None,
        timeout=1,
        retries=2,
        max_message_bytes=1 << 20,
        options=None,
        env={"VECSHARD_ADDRESS": "h:1", "VECSHARD_API_KEY": "k", "VECSHARD_TLS_CA": str(ca)},
    )
    assert settings.address == "h:1" and settings.tls and settings.root_certificates == ca.read_bytes()
    metadata = dict(settings.metadata())
    assert metadata["authorization"] == "Bearer k" and len(metadata["x-request-id"]) == 36
    assert ("grpc.max_receive_message_length", 1 << 20) in settings.options
    plain = _core.Settings(
        "h:2", api_key=None, ca=None, tls=None, timeout=1, retries=0, max_message_bytes=1, options=None, env={}
    )
    assert not plain.tls and "authorization" not in dict(plain.metadata())
    with pytest.raises(vecshard.InvalidArgument, match="cannot read the CA"):
        _core.Settings(
            "h:3",
            api_key=None,
            ca=str(tmp_path / "missing.crt"),
            tls=None,
            timeout=1,
            retries=0,
            max_message_bytes=1,
            options=None,
            env={},
        )


def test_every_error_class_carries_its_status_name() -> None:
    for name in (
        "NotFound",
        "InvalidArgument",
        "FailedPrecondition",
        "Unavailable",
        "PermissionDenied",
        "Unauthenticated",
        "ResourceExhausted",
        "DeadlineExceeded",
        "AlreadyExists",
    ):
        cls = getattr(vecshard, name)
        error = cls("the message", method="Search")
        assert isinstance(error, vecshard.VecshardError)
        assert error.code == "_".join(part.upper() for part in __import__("re").findall("[A-Z][a-z]+", name))
        assert error.message == "the message" and str(error) == f"Search: {error.code}: the message"


def test_progress_reporters() -> None:
    seen = []
    rows = RowsReporter(lambda done, total: seen.append((done, total)), 10, "upsert")
    rows(4)
    rows(6)
    assert seen == [(4, 10), (10, 10)]

    class Bar:
        n = 0

        def update(self, delta: float) -> None:
            self.n += delta

    bar = Bar()
    RowsReporter(bar, 5, "upsert")(5)
    assert bar.n == 5
    job_bar = Bar()
    reporter = JobReporter(job_bar, "job")

    class FakeJob:
        state, progress = "running", 40.0

    reporter(FakeJob())
    FakeJob.progress = 100.0
    reporter(FakeJob())
    assert job_bar.n == 100.0
    with pytest.raises(TypeError):
        RowsReporter(42, 1, "upsert")


def test_progress_true_uses_tqdm_when_it_can_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    made = []

    class FakeTqdm:
        def __init__(self, total: float, desc: str, unit: str, unit_scale: bool) -> None:
            self.total, self.desc, self.unit, self.n, self.closed = total, desc, unit, 0.0, False
            made.append(self)

        def update(self, delta: float) -> None:
            self.n += delta

        def close(self) -> None:
            self.closed = True

    module = types.ModuleType("tqdm.auto")
    module.tqdm = FakeTqdm  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", module)
    rows = RowsReporter(True, 10, "upsert docs")
    rows(10)
    rows.close()
    assert made[0].desc == "upsert docs" and made[0].total == 10 and made[0].n == 10 and made[0].closed


def test_progress_true_without_tqdm_writes_a_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import fails
    rows = RowsReporter(True, 4, "upsert docs")
    rows(4)
    rows.close()
    assert "upsert docs: 4/4 rows (100 %)" in capsys.readouterr().err
