#include "subset_ops.h"

#include "subset_cache.h"

#include <faiss/IndexIVFFlat.h>
#include <faiss/invlists/DirectMap.h>
#include <faiss/utils/Heap.h>
#include <faiss/utils/distances.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vecshard {

namespace {

constexpr idx_t kNotStored = -1;

// Below these amounts of work per thread, starting threads costs more than it saves.
constexpr size_t kLookupsPerThread = 8192;      // direct-map lookups
constexpr size_t kFloatsPerThread = 1 << 16;    // decoded floats (rows × d)
constexpr size_t kDistanceRowsPerChunk = 4096;  // subset rows one query measures per thread

// Runs body(i) for every i in [0, n), on up to one thread per `per_thread`
// items. The first exception a body throws is rethrown here once the loop
// ends (none may leave an OpenMP region); the other bodies are skipped.
template <class Body>
void parallel_for(size_t n, size_t per_thread, const Body& body) {
  const int threads = static_cast<int>(std::clamp<size_t>(n / per_thread, 1, omp_get_max_threads()));
  std::exception_ptr error;
  std::mutex error_lock;
  std::atomic<bool> failed{false};
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t i = 0; i < static_cast<int64_t>(n); i++) {
    if (failed.load(std::memory_order_relaxed)) continue;
    try {
      body(static_cast<size_t>(i));
    } catch (...) {
      std::lock_guard guard(error_lock);
      if (!error) error = std::current_exception();
      failed = true;
    }
  }
  if (error) std::rethrow_exception(error);
}

// The IVF index whose direct map finds stored ids.
const faiss::IndexIVF& require_direct_map(const IndexState& state, const char* operation) {
  const faiss::IndexIVF& ivf = require_ivf(state, operation);
  if (ivf.direct_map.type == faiss::DirectMap::NoMap) {
    throw std::logic_error(std::string(operation) + " needs the index's id map (FAISS DirectMap), which it lacks");
  }
  return ivf;
}

// Where an id is stored, packed as lo_build(list, offset), or kNotStored.
idx_t locate(const faiss::DirectMap& map, idx_t id) {
  if (map.type == faiss::DirectMap::Hashtable) {
    auto found = map.hashtable.find(id);
    return found == map.hashtable.end() ? kNotStored : found->second;
  }
  // An Array map (an index serialised with one) holds sequential ids 0..ntotal-1, -1 once removed.
  if (id < 0 || static_cast<size_t>(id) >= map.array.size()) return kNotStored;
  return map.array[id];
}

void reconstruct_at(const faiss::IndexIVF& ivf, idx_t lo, float* out) {
  ivf.reconstruct_from_offset(faiss::lo_listno(lo), faiss::lo_offset(lo), out);
}

// The stored vectors among a set of ids, decoded, in list order (the order
// that reads the lists' memory front to back).
Subset gather(const faiss::IndexIVF& ivf, const idx_t* ids, size_t n) {
  std::vector<idx_t> where(n);
  parallel_for(n, kLookupsPerThread, [&](size_t i) { where[i] = locate(ivf.direct_map, ids[i]); });
  std::vector<std::pair<idx_t, idx_t>> stored;  // (list and offset, id)
  stored.reserve(n);
  for (size_t i = 0; i < n; i++) {
    if (where[i] != kNotStored) stored.emplace_back(where[i], ids[i]);
  }
  std::sort(stored.begin(), stored.end());
  // One place holds one id, so equal places are repeats of one id.
  stored.erase(std::unique(stored.begin(), stored.end()), stored.end());

  const size_t d = ivf.d;
  Subset subset;
  subset.ids.resize(stored.size());
  subset.vectors.resize(stored.size() * d);
  parallel_for(stored.size(), std::max<size_t>(1, kFloatsPerThread / d), [&](size_t j) {
    subset.ids[j] = stored[j].second;
    reconstruct_at(ivf, stored[j].first, subset.vectors.data() + j * d);
  });
  return subset;
}

// FAISS's brute-force k-NN of nq queries among ny rows; labels are row numbers.
void knn_rows(faiss::MetricType metric, const float* x, size_t nq, const float* y, size_t ny, size_t d, size_t k,
              float* distances, idx_t* labels) {
  if (metric == faiss::METRIC_INNER_PRODUCT) {
    faiss::knn_inner_product(x, y, d, nq, ny, k, distances, labels);
  } else {
    faiss::knn_L2sqr(x, y, d, nq, ny, k, distances, labels);
  }
}

template <class C>
void pad(size_t count, float* distances, idx_t* labels) {
  std::fill(distances, distances + count, C::neutral());
  std::fill(labels, labels + count, -1);
}

// Merges `parts` row-major result blocks (nq rows of k each) into one, keeping
// each query's k best.
template <class C>
void merge_parts(size_t parts, size_t nq, size_t k, const float* part_distances, const idx_t* part_labels,
                 float* distances, idx_t* labels) {
  for (size_t i = 0; i < nq; i++) {
    float* di = distances + i * k;
    idx_t* li = labels + i * k;
    faiss::heap_heapify<C>(k, di, li);
    for (size_t p = 0; p < parts; p++) {
      const size_t at = (p * nq + i) * k;
      faiss::heap_addn<C>(k, di, li, part_distances + at, part_labels + at, k);
    }
    faiss::heap_reorder<C>(k, di, li);
  }
}

// The k nearest rows of y for each query. FAISS's kernels run their threads
// over queries (or BLAS, from distance_compute_blas_threshold queries on), so
// a few queries against many rows would use one thread each; then the rows are
// cut into chunks, one thread measures each, and the chunks' results merge.
template <class C>
void knn_threaded(faiss::MetricType metric, const float* x, size_t nq, const float* y, size_t ny, size_t d, size_t k,
                  float* distances, idx_t* labels) {
  const size_t threads = omp_get_max_threads();
  const bool few_queries = nq < threads && nq < static_cast<size_t>(faiss::distance_compute_blas_threshold);
  const size_t chunks = few_queries ? std::clamp<size_t>(ny / kDistanceRowsPerChunk, 1, threads) : 1;
  if (chunks == 1) return knn_rows(metric, x, nq, y, ny, d, k, distances, labels);

  std::vector<float> part_distances(chunks * nq * k);
  std::vector<idx_t> part_labels(chunks * nq * k);
  parallel_for(chunks, 1, [&](size_t c) {
    const size_t y0 = ny * c / chunks;
    const size_t y1 = ny * (c + 1) / chunks;
    idx_t* part = part_labels.data() + c * nq * k;
    // Nested in this loop's thread, FAISS's own OpenMP region runs on this thread alone.
    knn_rows(metric, x, nq, y + y0 * d, y1 - y0, d, k, part_distances.data() + c * nq * k, part);
    for (size_t i = 0; i < nq * k; i++) {
      if (part[i] >= 0) part[i] += static_cast<idx_t>(y0);
    }
  });
  merge_parts<C>(chunks, nq, k, part_distances.data(), part_labels.data(), distances, labels);
}

}  // namespace

namespace {

const faiss::IndexIVF& require_subset_searchable(const IndexState& state) {
  const faiss::IndexIVF& ivf = require_direct_map(state, "searchSubset");
  if (ivf.metric_type != faiss::METRIC_L2 && ivf.metric_type != faiss::METRIC_INNER_PRODUCT) {
    throw std::logic_error("searchSubset supports L2 and inner-product indexes only");
  }
  return ivf;
}

// The k nearest among a gathered subset, labels mapped back to ids.
void search_gathered(const faiss::IndexIVF& ivf, const Subset& subset, const Rows& q, int k, float* distances,
                     idx_t* labels) {
  const size_t nq = q.n();
  const size_t ny = subset.ids.size();
  const size_t kk = static_cast<size_t>(k);
  const bool ip = ivf.metric_type == faiss::METRIC_INNER_PRODUCT;
  if (ny == 0) {
    // FAISS's BLAS path writes nothing for an empty database: pad here as its heaps would.
    if (ip) {
      pad<faiss::CMin<float, idx_t>>(nq * kk, distances, labels);
    } else {
      pad<faiss::CMax<float, idx_t>>(nq * kk, distances, labels);
    }
    return;
  }
  if (ip) {
    knn_threaded<faiss::CMin<float, idx_t>>(ivf.metric_type, q.data(), nq, subset.vectors.data(), ny, ivf.d, kk,
                                            distances, labels);
  } else {
    knn_threaded<faiss::CMax<float, idx_t>>(ivf.metric_type, q.data(), nq, subset.vectors.data(), ny, ivf.d, kk,
                                            distances, labels);
  }
  for (size_t i = 0; i < nq * kk; i++) {
    if (labels[i] >= 0) labels[i] = subset.ids[labels[i]];
  }
}

// A few queries against a Flat index's rows are measured where the rows lie
// in their lists: no copy of the subset, no sort. Copying a tenant's 2000
// scattered rows of 128 out of their lists cost more than measuring them.
// From this many queries on, the gathered copy and FAISS's BLAS kernel win.
constexpr size_t kInPlaceMaxQueries = 8;

// IVF-Flat lists hold the vectors themselves, so they can be measured in place.
bool stores_raw_vectors(const faiss::IndexIVF& ivf) {
  return dynamic_cast<const faiss::IndexIVFFlat*>(&ivf) != nullptr && ivf.code_size == ivf.d * sizeof(float);
}

// One stored row of the subset: where it lies (lo_build(list, offset)) and its id.
struct Located {
  idx_t where;
  idx_t id;
};

// The stored ids among ids[0..n), each once, in the order asked. A repeat
// is found by its place in the index, numbered densely as the list's first
// row's number plus the offset, in a bitmap reused by this thread (only the
// bits set here are cleared again, so a call costs the ids, not the index).
std::vector<Located> locate_distinct(const faiss::IndexIVF& ivf, const idx_t* ids, size_t n) {
  const faiss::InvertedLists& lists = *ivf.invlists;
  std::vector<size_t> first_row(lists.nlist + 1, 0);
  for (size_t list = 0; list < lists.nlist; list++) first_row[list + 1] = first_row[list] + lists.list_size(list);
  thread_local std::vector<uint64_t> seen;
  if (seen.size() * 64 < first_row.back()) seen.resize(first_row.back() / 64 + 1, 0);

  std::vector<Located> located;
  located.reserve(n);
  for (size_t i = 0; i < n; i++) {
    const idx_t where = locate(ivf.direct_map, ids[i]);
    if (where == kNotStored) continue;
    const size_t row = first_row[faiss::lo_listno(where)] + faiss::lo_offset(where);
    const uint64_t bit = uint64_t{1} << (row % 64);
    if (seen[row / 64] & bit) continue;
    seen[row / 64] |= bit;
    located.push_back({where, ids[i]});
  }
  for (const Located& row : located) {
    const size_t dense = first_row[faiss::lo_listno(row.where)] + faiss::lo_offset(row.where);
    seen[dense / 64] = 0;
  }
  return located;
}

// Rows are scattered over the lists: asking for a row's memory a few rows
// before measuring it overlaps the cache misses.
constexpr size_t kPrefetchAhead = 4;

void prefetch_row(const faiss::IndexIVF& ivf, idx_t where) {
  const faiss::InvertedLists::ScopedCodes codes(ivf.invlists, faiss::lo_listno(where), faiss::lo_offset(where));
  for (size_t byte = 0; byte < ivf.code_size; byte += 64) __builtin_prefetch(codes.codes + byte);
}

// Each query's k best among rows [begin, end) of `located`, measured in the
// lists' own memory, into heaps of k per query (row-major, already heapified).
template <class C>
void measure_in_place(const faiss::IndexIVF& ivf, const Rows& q, size_t k, const std::vector<Located>& located,
                      size_t begin, size_t end, float* distances, idx_t* labels) {
  const size_t d = ivf.d;
  const bool ip = ivf.metric_type == faiss::METRIC_INNER_PRODUCT;
  for (size_t j = begin; j < end; j++) {
    if (j + kPrefetchAhead < end) prefetch_row(ivf, located[j + kPrefetchAhead].where);
    const faiss::InvertedLists::ScopedCodes codes(ivf.invlists, faiss::lo_listno(located[j].where),
                                                  faiss::lo_offset(located[j].where));
    const float* y = reinterpret_cast<const float*>(codes.codes);
    for (size_t i = 0; i < q.n(); i++) {
      const float* x = q.data() + i * d;
      const float dis = ip ? faiss::fvec_inner_product(x, y, d) : faiss::fvec_L2sqr(x, y, d);
      float* di = distances + i * k;
      idx_t* li = labels + i * k;
      if (C::cmp(di[0], dis)) faiss::heap_replace_top<C>(k, di, li, dis, located[j].id);
    }
  }
}

// The k nearest of `located` for each query, measured in place; rows are cut
// into chunks, one thread each, when there are enough of them.
template <class C>
void search_in_place(const faiss::IndexIVF& ivf, const Rows& q, size_t k, const std::vector<Located>& located,
                     float* distances, idx_t* labels) {
  const size_t nq = q.n();
  const size_t ny = located.size();
  const size_t chunks = std::clamp<size_t>(ny / kDistanceRowsPerChunk, 1, omp_get_max_threads());
  if (chunks == 1) {
    for (size_t i = 0; i < nq; i++) faiss::heap_heapify<C>(k, distances + i * k, labels + i * k);
    measure_in_place<C>(ivf, q, k, located, 0, ny, distances, labels);
    for (size_t i = 0; i < nq; i++) faiss::heap_reorder<C>(k, distances + i * k, labels + i * k);
    return;
  }
  std::vector<float> part_distances(chunks * nq * k);
  std::vector<idx_t> part_labels(chunks * nq * k);
  parallel_for(chunks, 1, [&](size_t c) {
    float* pd = part_distances.data() + c * nq * k;
    idx_t* pl = part_labels.data() + c * nq * k;
    for (size_t i = 0; i < nq; i++) faiss::heap_heapify<C>(k, pd + i * k, pl + i * k);
    measure_in_place<C>(ivf, q, k, located, ny * c / chunks, ny * (c + 1) / chunks, pd, pl);
  });
  merge_parts<C>(chunks, nq, k, part_distances.data(), part_labels.data(), distances, labels);
}

// The in-place search for `ivf`'s metric; the caller holds the index's lock.
void search_located(const faiss::IndexIVF& ivf, const Rows& q, int k, const std::vector<Located>& located,
                    float* distances, idx_t* labels) {
  const size_t kk = static_cast<size_t>(k);
  if (ivf.metric_type == faiss::METRIC_INNER_PRODUCT) {
    search_in_place<faiss::CMin<float, idx_t>>(ivf, q, kk, located, distances, labels);
  } else {
    search_in_place<faiss::CMax<float, idx_t>>(ivf, q, kk, located, distances, labels);
  }
}

bool searches_in_place(const faiss::IndexIVF& ivf, const Rows& q) {
  return q.n() <= kInPlaceMaxQueries && stores_raw_vectors(ivf);
}

}  // namespace

namespace {

// A search among the ids, holding the index's shared lock (`guard`), which it
// may release early: once a subset is copied, writers need not wait for the
// distances.
//
// A subset asked for again while the index has not been written since is
// searched from its cached copy; a subset asked for the second time is copied
// and kept. Otherwise a few queries against IVF-Flat are measured in place,
// and anything else searches a copy made for this call.
void search_locked(const IndexState& state, const faiss::IndexIVF& ivf, std::shared_lock<std::shared_mutex>& guard,
                   const Rows& q, int k, const idx_t* ids, size_t n_ids, float* distances, idx_t* labels) {
  SubsetCache& cache = SubsetCache::instance();
  if (cache.wanted(n_ids)) {
    const SubsetKey key(state.serial, state.writes, ids, n_ids);
    std::shared_ptr<const Subset> subset = cache.find(key);
    if (!subset && cache.missed_before(key)) {
      subset = std::make_shared<const Subset>(gather(ivf, ids, n_ids));
      cache.keep(key, subset);
    }
    if (subset) {
      guard.unlock();
      return search_gathered(ivf, *subset, q, k, distances, labels);
    }
  }
  if (searches_in_place(ivf, q)) return search_located(ivf, q, k, locate_distinct(ivf, ids, n_ids), distances, labels);
  const Subset subset = gather(ivf, ids, n_ids);
  guard.unlock();
  search_gathered(ivf, subset, q, k, distances, labels);
}

}  // namespace

void search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids, float* distances,
                   idx_t* labels) {
  const faiss::IndexIVF& ivf = require_subset_searchable(state);
  std::shared_lock guard(state.lock);
  search_locked(state, ivf, guard, q, k, ids, n_ids, distances, labels);
}

bool try_search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids,
                       float* distances, idx_t* labels) {
  const faiss::IndexIVF& ivf = require_subset_searchable(state);
  std::shared_lock guard(state.lock, std::try_to_lock);
  if (!guard.owns_lock()) return false;
  search_locked(state, ivf, guard, q, k, ids, n_ids, distances, labels);
  return true;
}

void set_subset_cache_bytes(size_t bytes) {
  SubsetCache::instance().set_budget(bytes);
}

SubsetCacheStats subset_cache_stats() {
  return SubsetCache::instance().stats();
}

namespace {

void reconstruct_locked(const faiss::IndexIVF& ivf, const idx_t* ids, size_t n, uint8_t* found, float* vectors) {
  const size_t d = ivf.d;
  parallel_for(n, std::max<size_t>(1, kFloatsPerThread / d), [&](size_t i) {
    const idx_t lo = locate(ivf.direct_map, ids[i]);
    found[i] = lo != kNotStored;
    if (found[i]) reconstruct_at(ivf, lo, vectors + i * d);
  });
}

}  // namespace

void reconstruct_ids(const IndexState& state, const idx_t* ids, size_t n, uint8_t* found, float* vectors) {
  const faiss::IndexIVF& ivf = require_direct_map(state, "reconstructIds");
  std::shared_lock guard(state.lock);
  reconstruct_locked(ivf, ids, n, found, vectors);
}

bool try_reconstruct_ids(const IndexState& state, const idx_t* ids, size_t n, uint8_t* found, float* vectors) {
  const faiss::IndexIVF& ivf = require_direct_map(state, "reconstructIds");
  std::shared_lock guard(state.lock, std::try_to_lock);
  if (!guard.owns_lock()) return false;
  reconstruct_locked(ivf, ids, n, found, vectors);
  return true;
}

}  // namespace vecshard
