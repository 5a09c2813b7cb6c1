from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

COLLECTION_STATE_CREATED: CollectionState
COLLECTION_STATE_LOADING: CollectionState
COLLECTION_STATE_READY: CollectionState
COLLECTION_STATE_UNSPECIFIED: CollectionState
DESCRIPTOR: _descriptor.FileDescriptor
FIELD_TYPE_BOOL: FieldType
FIELD_TYPE_DOUBLE: FieldType
FIELD_TYPE_INT64: FieldType
FIELD_TYPE_JSON: FieldType
FIELD_TYPE_KEYWORD: FieldType
FIELD_TYPE_KEYWORDS: FieldType
FIELD_TYPE_UNSPECIFIED: FieldType
JOB_STATE_COMPLETED: JobState
JOB_STATE_FAILED: JobState
JOB_STATE_QUEUED: JobState
JOB_STATE_RUNNING: JobState
JOB_STATE_UNSPECIFIED: JobState
METRIC_COSINE: Metric
METRIC_INNER_PRODUCT: Metric
METRIC_L2: Metric
METRIC_UNSPECIFIED: Metric
PLACEMENT_POLICY_BALANCED: PlacementPolicy
PLACEMENT_POLICY_LOCALITY: PlacementPolicy
PLACEMENT_POLICY_UNSPECIFIED: PlacementPolicy
REPLICA_STATE_CATCHING_UP: ReplicaState
REPLICA_STATE_DOWN: ReplicaState
REPLICA_STATE_READY: ReplicaState
REPLICA_STATE_UNSPECIFIED: ReplicaState
ROUTING_LISTS: Routing
ROUTING_SCATTER: Routing
ROUTING_UNSPECIFIED: Routing

class ClusterStatusRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ClusterStatusResponse(_message.Message):
    __slots__ = ["collections", "workers"]
    COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    WORKERS_FIELD_NUMBER: _ClassVar[int]
    collections: _containers.RepeatedCompositeFieldContainer[CollectionInfo]
    workers: _containers.RepeatedCompositeFieldContainer[WorkerStatus]
    def __init__(self, workers: _Optional[_Iterable[_Union[WorkerStatus, _Mapping]]] = ..., collections: _Optional[_Iterable[_Union[CollectionInfo, _Mapping]]] = ...) -> None: ...

class CollectionInfo(_message.Message):
    __slots__ = ["created_at_ms", "dim", "fields", "index", "loading_job", "metric", "name", "nlist", "nprobe", "partition_key", "placement", "placement_policy", "replication_factor", "routing", "shards", "state", "template", "vectors"]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DIM_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    LOADING_JOB_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NLIST_FIELD_NUMBER: _ClassVar[int]
    NPROBE_FIELD_NUMBER: _ClassVar[int]
    PARTITION_KEY_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_POLICY_FIELD_NUMBER: _ClassVar[int]
    REPLICATION_FACTOR_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    SHARDS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    created_at_ms: int
    dim: int
    fields: _containers.RepeatedCompositeFieldContainer[FieldSchema]
    index: str
    loading_job: str
    metric: Metric
    name: str
    nlist: int
    nprobe: int
    partition_key: str
    placement: _containers.RepeatedCompositeFieldContainer[ShardInfo]
    placement_policy: PlacementPolicy
    replication_factor: int
    routing: Routing
    shards: int
    state: CollectionState
    template: bytes
    vectors: int
    def __init__(self, name: _Optional[str] = ..., dim: _Optional[int] = ..., metric: _Optional[_Union[Metric, str]] = ..., index: _Optional[str] = ..., nprobe: _Optional[int] = ..., shards: _Optional[int] = ..., routing: _Optional[_Union[Routing, str]] = ..., state: _Optional[_Union[CollectionState, str]] = ..., nlist: _Optional[int] = ..., placement: _Optional[_Iterable[_Union[ShardInfo, _Mapping]]] = ..., vectors: _Optional[int] = ..., template: _Optional[bytes] = ..., created_at_ms: _Optional[int] = ..., replication_factor: _Optional[int] = ..., placement_policy: _Optional[_Union[PlacementPolicy, str]] = ..., loading_job: _Optional[str] = ..., fields: _Optional[_Iterable[_Union[FieldSchema, _Mapping]]] = ..., partition_key: _Optional[str] = ...) -> None: ...

class Condition(_message.Message):
    __slots__ = ["has_id", "is_missing", "match", "nested", "range"]
    HAS_ID_FIELD_NUMBER: _ClassVar[int]
    IS_MISSING_FIELD_NUMBER: _ClassVar[int]
    MATCH_FIELD_NUMBER: _ClassVar[int]
    NESTED_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    has_id: bytes
    is_missing: str
    match: Match
    nested: Filter
    range: Range
    def __init__(self, match: _Optional[_Union[Match, _Mapping]] = ..., range: _Optional[_Union[Range, _Mapping]] = ..., nested: _Optional[_Union[Filter, _Mapping]] = ..., has_id: _Optional[bytes] = ..., is_missing: _Optional[str] = ...) -> None: ...

class CountRequest(_message.Message):
    __slots__ = ["collection", "filter", "filter_expression"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    FILTER_EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    collection: str
    filter: Filter
    filter_expression: str
    def __init__(self, collection: _Optional[str] = ..., filter: _Optional[_Union[Filter, _Mapping]] = ..., filter_expression: _Optional[str] = ...) -> None: ...

class CountResponse(_message.Message):
    __slots__ = ["count"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    count: int
    def __init__(self, count: _Optional[int] = ...) -> None: ...

class CreateCollectionRequest(_message.Message):
    __slots__ = ["dim", "fields", "index", "metric", "name", "nprobe", "partition_key", "placement_policy", "replication_factor", "routing", "shards"]
    DIM_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NPROBE_FIELD_NUMBER: _ClassVar[int]
    PARTITION_KEY_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_POLICY_FIELD_NUMBER: _ClassVar[int]
    REPLICATION_FACTOR_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    SHARDS_FIELD_NUMBER: _ClassVar[int]
    dim: int
    fields: _containers.RepeatedCompositeFieldContainer[FieldSchema]
    index: str
    metric: Metric
    name: str
    nprobe: int
    partition_key: str
    placement_policy: PlacementPolicy
    replication_factor: int
    routing: Routing
    shards: int
    def __init__(self, name: _Optional[str] = ..., dim: _Optional[int] = ..., metric: _Optional[_Union[Metric, str]] = ..., index: _Optional[str] = ..., nprobe: _Optional[int] = ..., shards: _Optional[int] = ..., routing: _Optional[_Union[Routing, str]] = ..., replication_factor: _Optional[int] = ..., placement_policy: _Optional[_Union[PlacementPolicy, str]] = ..., fields: _Optional[_Iterable[_Union[FieldSchema, _Mapping]]] = ..., partition_key: _Optional[str] = ...) -> None: ...

class CreateCollectionResponse(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: CollectionInfo
    def __init__(self, collection: _Optional[_Union[CollectionInfo, _Mapping]] = ...) -> None: ...

class DeleteRequest(_message.Message):
    __slots__ = ["collection", "filter", "filter_expression", "ids"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    FILTER_EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    collection: str
    filter: Filter
    filter_expression: str
    ids: bytes
    def __init__(self, collection: _Optional[str] = ..., ids: _Optional[bytes] = ..., filter: _Optional[_Union[Filter, _Mapping]] = ..., filter_expression: _Optional[str] = ...) -> None: ...

class DeleteResponse(_message.Message):
    __slots__ = ["deleted"]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    deleted: int
    def __init__(self, deleted: _Optional[int] = ...) -> None: ...

class DrainWorkerRequest(_message.Message):
    __slots__ = ["worker_id"]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    def __init__(self, worker_id: _Optional[str] = ...) -> None: ...

class DropCollectionRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DropCollectionResponse(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class FieldColumn(_message.Message):
    __slots__ = ["bool_values", "double_values", "int64_values", "json_values", "keyword_values", "keywords_values", "missing", "name"]
    BOOL_VALUES_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_VALUES_FIELD_NUMBER: _ClassVar[int]
    INT64_VALUES_FIELD_NUMBER: _ClassVar[int]
    JSON_VALUES_FIELD_NUMBER: _ClassVar[int]
    KEYWORDS_VALUES_FIELD_NUMBER: _ClassVar[int]
    KEYWORD_VALUES_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    bool_values: _containers.RepeatedScalarFieldContainer[bool]
    double_values: _containers.RepeatedScalarFieldContainer[float]
    int64_values: _containers.RepeatedScalarFieldContainer[int]
    json_values: _containers.RepeatedScalarFieldContainer[str]
    keyword_values: _containers.RepeatedScalarFieldContainer[str]
    keywords_values: _containers.RepeatedCompositeFieldContainer[KeywordSet]
    missing: bytes
    name: str
    def __init__(self, name: _Optional[str] = ..., int64_values: _Optional[_Iterable[int]] = ..., double_values: _Optional[_Iterable[float]] = ..., keyword_values: _Optional[_Iterable[str]] = ..., bool_values: _Optional[_Iterable[bool]] = ..., keywords_values: _Optional[_Iterable[_Union[KeywordSet, _Mapping]]] = ..., json_values: _Optional[_Iterable[str]] = ..., missing: _Optional[bytes] = ...) -> None: ...

class FieldSchema(_message.Message):
    __slots__ = ["name", "type"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: FieldType
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[FieldType, str]] = ...) -> None: ...

class Filter(_message.Message):
    __slots__ = ["must", "must_not", "should"]
    MUST_FIELD_NUMBER: _ClassVar[int]
    MUST_NOT_FIELD_NUMBER: _ClassVar[int]
    SHOULD_FIELD_NUMBER: _ClassVar[int]
    must: _containers.RepeatedCompositeFieldContainer[Condition]
    must_not: _containers.RepeatedCompositeFieldContainer[Condition]
    should: _containers.RepeatedCompositeFieldContainer[Condition]
    def __init__(self, must: _Optional[_Iterable[_Union[Condition, _Mapping]]] = ..., should: _Optional[_Iterable[_Union[Condition, _Mapping]]] = ..., must_not: _Optional[_Iterable[_Union[Condition, _Mapping]]] = ...) -> None: ...

class GetCollectionRequest(_message.Message):
    __slots__ = ["include_template", "name"]
    INCLUDE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    include_template: bool
    name: str
    def __init__(self, name: _Optional[str] = ..., include_template: bool = ...) -> None: ...

class GetCollectionResponse(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: CollectionInfo
    def __init__(self, collection: _Optional[_Union[CollectionInfo, _Mapping]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetRequest(_message.Message):
    __slots__ = ["collection", "ids", "output_fields", "with_vectors"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    WITH_VECTORS_FIELD_NUMBER: _ClassVar[int]
    collection: str
    ids: bytes
    output_fields: _containers.RepeatedScalarFieldContainer[str]
    with_vectors: bool
    def __init__(self, collection: _Optional[str] = ..., ids: _Optional[bytes] = ..., output_fields: _Optional[_Iterable[str]] = ..., with_vectors: bool = ...) -> None: ...

class GetResponse(_message.Message):
    __slots__ = ["fields", "ids", "vectors"]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    fields: _containers.RepeatedCompositeFieldContainer[FieldColumn]
    ids: bytes
    vectors: bytes
    def __init__(self, ids: _Optional[bytes] = ..., vectors: _Optional[bytes] = ..., fields: _Optional[_Iterable[_Union[FieldColumn, _Mapping]]] = ...) -> None: ...

class GetRoutingTableRequest(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: str
    def __init__(self, collection: _Optional[str] = ...) -> None: ...

class ImportRequest(_message.Message):
    __slots__ = ["batch_size", "collection", "fields_path", "first_id", "limit", "path", "train_size"]
    BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    FIELDS_PATH_FIELD_NUMBER: _ClassVar[int]
    FIRST_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    TRAIN_SIZE_FIELD_NUMBER: _ClassVar[int]
    batch_size: int
    collection: str
    fields_path: str
    first_id: int
    limit: int
    path: str
    train_size: int
    def __init__(self, collection: _Optional[str] = ..., path: _Optional[str] = ..., first_id: _Optional[int] = ..., limit: _Optional[int] = ..., batch_size: _Optional[int] = ..., train_size: _Optional[int] = ..., fields_path: _Optional[str] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ["attempts", "collection", "created_at_ms", "done", "error", "finished_at_ms", "id", "kind", "progress", "result", "state", "total"]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    attempts: int
    collection: str
    created_at_ms: int
    done: int
    error: str
    finished_at_ms: int
    id: str
    kind: str
    progress: float
    result: str
    state: JobState
    total: int
    def __init__(self, id: _Optional[str] = ..., state: _Optional[_Union[JobState, str]] = ..., progress: _Optional[float] = ..., error: _Optional[str] = ..., result: _Optional[str] = ..., kind: _Optional[str] = ..., collection: _Optional[str] = ..., done: _Optional[int] = ..., total: _Optional[int] = ..., attempts: _Optional[int] = ..., created_at_ms: _Optional[int] = ..., finished_at_ms: _Optional[int] = ...) -> None: ...

class KeywordSet(_message.Message):
    __slots__ = ["values"]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...

class ListCollectionsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListCollectionsResponse(_message.Message):
    __slots__ = ["collections"]
    COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    collections: _containers.RepeatedCompositeFieldContainer[CollectionInfo]
    def __init__(self, collections: _Optional[_Iterable[_Union[CollectionInfo, _Mapping]]] = ...) -> None: ...

class ListSnapshotsRequest(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: str
    def __init__(self, collection: _Optional[str] = ...) -> None: ...

class ListSnapshotsResponse(_message.Message):
    __slots__ = ["snapshots"]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    snapshots: _containers.RepeatedCompositeFieldContainer[SnapshotInfo]
    def __init__(self, snapshots: _Optional[_Iterable[_Union[SnapshotInfo, _Mapping]]] = ...) -> None: ...

class Match(_message.Message):
    __slots__ = ["bools", "field", "int64s", "keywords"]
    BOOLS_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    INT64S_FIELD_NUMBER: _ClassVar[int]
    KEYWORDS_FIELD_NUMBER: _ClassVar[int]
    bools: _containers.RepeatedScalarFieldContainer[bool]
    field: str
    int64s: _containers.RepeatedScalarFieldContainer[int]
    keywords: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, field: _Optional[str] = ..., keywords: _Optional[_Iterable[str]] = ..., int64s: _Optional[_Iterable[int]] = ..., bools: _Optional[_Iterable[bool]] = ...) -> None: ...

class QueryRequest(_message.Message):
    __slots__ = ["collection", "cursor", "filter", "filter_expression", "limit", "output_fields", "with_vectors"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    FILTER_EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    WITH_VECTORS_FIELD_NUMBER: _ClassVar[int]
    collection: str
    cursor: str
    filter: Filter
    filter_expression: str
    limit: int
    output_fields: _containers.RepeatedScalarFieldContainer[str]
    with_vectors: bool
    def __init__(self, collection: _Optional[str] = ..., filter: _Optional[_Union[Filter, _Mapping]] = ..., limit: _Optional[int] = ..., cursor: _Optional[str] = ..., output_fields: _Optional[_Iterable[str]] = ..., with_vectors: bool = ..., filter_expression: _Optional[str] = ...) -> None: ...

class QueryResponse(_message.Message):
    __slots__ = ["fields", "ids", "next_cursor", "vectors"]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    fields: _containers.RepeatedCompositeFieldContainer[FieldColumn]
    ids: bytes
    next_cursor: str
    vectors: bytes
    def __init__(self, ids: _Optional[bytes] = ..., vectors: _Optional[bytes] = ..., fields: _Optional[_Iterable[_Union[FieldColumn, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Range(_message.Message):
    __slots__ = ["field", "gt", "gte", "lt", "lte"]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    GTE_FIELD_NUMBER: _ClassVar[int]
    GT_FIELD_NUMBER: _ClassVar[int]
    LTE_FIELD_NUMBER: _ClassVar[int]
    LT_FIELD_NUMBER: _ClassVar[int]
    field: str
    gt: float
    gte: float
    lt: float
    lte: float
    def __init__(self, field: _Optional[str] = ..., gt: _Optional[float] = ..., gte: _Optional[float] = ..., lt: _Optional[float] = ..., lte: _Optional[float] = ...) -> None: ...

class RebalanceRequest(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: str
    def __init__(self, collection: _Optional[str] = ...) -> None: ...

class ReplicaInfo(_message.Message):
    __slots__ = ["address", "state", "worker_id"]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    address: str
    state: ReplicaState
    worker_id: str
    def __init__(self, worker_id: _Optional[str] = ..., address: _Optional[str] = ..., state: _Optional[_Union[ReplicaState, str]] = ...) -> None: ...

class RestoreRequest(_message.Message):
    __slots__ = ["collection", "snapshot_id"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_ID_FIELD_NUMBER: _ClassVar[int]
    collection: str
    snapshot_id: str
    def __init__(self, collection: _Optional[str] = ..., snapshot_id: _Optional[str] = ...) -> None: ...

class RoutingShard(_message.Message):
    __slots__ = ["addresses", "lists", "shard"]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    SHARD_FIELD_NUMBER: _ClassVar[int]
    addresses: _containers.RepeatedScalarFieldContainer[str]
    lists: _containers.RepeatedScalarFieldContainer[int]
    shard: int
    def __init__(self, shard: _Optional[int] = ..., lists: _Optional[_Iterable[int]] = ..., addresses: _Optional[_Iterable[str]] = ...) -> None: ...

class RoutingTable(_message.Message):
    __slots__ = ["centroids", "client_assignable", "collection", "dim", "epoch", "metric", "nlist", "nprobe", "partition_key", "quantizer_digest", "routing", "shards"]
    CENTROIDS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ASSIGNABLE_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    DIM_FIELD_NUMBER: _ClassVar[int]
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NLIST_FIELD_NUMBER: _ClassVar[int]
    NPROBE_FIELD_NUMBER: _ClassVar[int]
    PARTITION_KEY_FIELD_NUMBER: _ClassVar[int]
    QUANTIZER_DIGEST_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    SHARDS_FIELD_NUMBER: _ClassVar[int]
    centroids: bytes
    client_assignable: bool
    collection: str
    dim: int
    epoch: int
    metric: Metric
    nlist: int
    nprobe: int
    partition_key: str
    quantizer_digest: bytes
    routing: Routing
    shards: _containers.RepeatedCompositeFieldContainer[RoutingShard]
    def __init__(self, collection: _Optional[str] = ..., dim: _Optional[int] = ..., metric: _Optional[_Union[Metric, str]] = ..., nlist: _Optional[int] = ..., nprobe: _Optional[int] = ..., routing: _Optional[_Union[Routing, str]] = ..., centroids: _Optional[bytes] = ..., epoch: _Optional[int] = ..., shards: _Optional[_Iterable[_Union[RoutingShard, _Mapping]]] = ..., client_assignable: bool = ..., quantizer_digest: _Optional[bytes] = ..., partition_key: _Optional[str] = ...) -> None: ...

class SearchRequest(_message.Message):
    __slots__ = ["allow_partial", "collection", "filter", "filter_expression", "k", "nprobe", "output_fields", "queries"]
    ALLOW_PARTIAL_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    FILTER_EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    K_FIELD_NUMBER: _ClassVar[int]
    NPROBE_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    QUERIES_FIELD_NUMBER: _ClassVar[int]
    allow_partial: bool
    collection: str
    filter: Filter
    filter_expression: str
    k: int
    nprobe: int
    output_fields: _containers.RepeatedScalarFieldContainer[str]
    queries: bytes
    def __init__(self, collection: _Optional[str] = ..., queries: _Optional[bytes] = ..., k: _Optional[int] = ..., nprobe: _Optional[int] = ..., allow_partial: bool = ..., filter: _Optional[_Union[Filter, _Mapping]] = ..., output_fields: _Optional[_Iterable[str]] = ..., filter_expression: _Optional[str] = ...) -> None: ...

class SearchResponse(_message.Message):
    __slots__ = ["distances", "fields", "ids", "k", "missing_shards", "partial", "placement_epoch", "shards_queried"]
    DISTANCES_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    K_FIELD_NUMBER: _ClassVar[int]
    MISSING_SHARDS_FIELD_NUMBER: _ClassVar[int]
    PARTIAL_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_EPOCH_FIELD_NUMBER: _ClassVar[int]
    SHARDS_QUERIED_FIELD_NUMBER: _ClassVar[int]
    distances: bytes
    fields: _containers.RepeatedCompositeFieldContainer[FieldColumn]
    ids: bytes
    k: int
    missing_shards: _containers.RepeatedScalarFieldContainer[int]
    partial: bool
    placement_epoch: int
    shards_queried: int
    def __init__(self, k: _Optional[int] = ..., ids: _Optional[bytes] = ..., distances: _Optional[bytes] = ..., shards_queried: _Optional[int] = ..., partial: bool = ..., missing_shards: _Optional[_Iterable[int]] = ..., placement_epoch: _Optional[int] = ..., fields: _Optional[_Iterable[_Union[FieldColumn, _Mapping]]] = ...) -> None: ...

class ShardInfo(_message.Message):
    __slots__ = ["address", "expected_vectors", "lists", "replicas", "shard", "worker_id"]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VECTORS_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    REPLICAS_FIELD_NUMBER: _ClassVar[int]
    SHARD_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    address: str
    expected_vectors: int
    lists: _containers.RepeatedScalarFieldContainer[int]
    replicas: _containers.RepeatedCompositeFieldContainer[ReplicaInfo]
    shard: int
    worker_id: str
    def __init__(self, shard: _Optional[int] = ..., worker_id: _Optional[str] = ..., address: _Optional[str] = ..., lists: _Optional[_Iterable[int]] = ..., expected_vectors: _Optional[int] = ..., replicas: _Optional[_Iterable[_Union[ReplicaInfo, _Mapping]]] = ...) -> None: ...

class SnapshotInfo(_message.Message):
    __slots__ = ["bytes", "collection", "created_at_ms", "id", "vectors"]
    BYTES_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    bytes: int
    collection: str
    created_at_ms: int
    id: str
    vectors: int
    def __init__(self, id: _Optional[str] = ..., collection: _Optional[str] = ..., created_at_ms: _Optional[int] = ..., vectors: _Optional[int] = ..., bytes: _Optional[int] = ...) -> None: ...

class SnapshotRequest(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: str
    def __init__(self, collection: _Optional[str] = ...) -> None: ...

class TrainFromFileRequest(_message.Message):
    __slots__ = ["collection", "limit", "path"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    collection: str
    limit: int
    path: str
    def __init__(self, collection: _Optional[str] = ..., path: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class TrainRequest(_message.Message):
    __slots__ = ["collection", "vectors"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    collection: str
    vectors: bytes
    def __init__(self, collection: _Optional[str] = ..., vectors: _Optional[bytes] = ...) -> None: ...

class TrainResponse(_message.Message):
    __slots__ = ["collection"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    collection: CollectionInfo
    def __init__(self, collection: _Optional[_Union[CollectionInfo, _Mapping]] = ...) -> None: ...

class UpsertRequest(_message.Message):
    __slots__ = ["collection", "fields", "ids", "vectors"]
    COLLECTION_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    collection: str
    fields: _containers.RepeatedCompositeFieldContainer[FieldColumn]
    ids: bytes
    vectors: bytes
    def __init__(self, collection: _Optional[str] = ..., ids: _Optional[bytes] = ..., vectors: _Optional[bytes] = ..., fields: _Optional[_Iterable[_Union[FieldColumn, _Mapping]]] = ...) -> None: ...

class UpsertResponse(_message.Message):
    __slots__ = ["upserted"]
    UPSERTED_FIELD_NUMBER: _ClassVar[int]
    upserted: int
    def __init__(self, upserted: _Optional[int] = ...) -> None: ...

class WorkerStatus(_message.Message):
    __slots__ = ["address", "alive", "device", "faiss_build", "id", "lists", "memory_bytes", "started_at_ms", "vectors"]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    ALIVE_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    FAISS_BUILD_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    VECTORS_FIELD_NUMBER: _ClassVar[int]
    address: str
    alive: bool
    device: str
    faiss_build: str
    id: str
    lists: int
    memory_bytes: int
    started_at_ms: int
    vectors: int
    def __init__(self, id: _Optional[str] = ..., address: _Optional[str] = ..., device: _Optional[str] = ..., alive: bool = ..., vectors: _Optional[int] = ..., lists: _Optional[int] = ..., memory_bytes: _Optional[int] = ..., started_at_ms: _Optional[int] = ..., faiss_build: _Optional[str] = ...) -> None: ...

class Metric(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Routing(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class CollectionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class JobState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PlacementPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ReplicaState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class FieldType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
