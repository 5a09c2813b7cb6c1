#include "subset_ops.h"

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
struct Subset {
  std::vector<idx_t> ids;
  std::vector<float> vectors;  // ids.size() rows of d floats
};

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

}  // namespace

void search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids, float* distances,
                   idx_t* labels) {
  const faiss::IndexIVF& ivf = require_subset_searchable(state);
  std::shared_lock guard(state.lock);
  const Subset subset = gather(ivf, ids, n_ids);
  // The copies are all the search needs: writers need not wait for the distances.
  guard.unlock();
  search_gathered(ivf, subset, q, k, distances, labels);
}

bool try_search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids,
                       float* distances, idx_t* labels) {
  const faiss::IndexIVF& ivf = require_subset_searchable(state);
  std::shared_lock guard(state.lock, std::try_to_lock);
  if (!guard.owns_lock()) return false;
  const Subset subset = gather(ivf, ids, n_ids);
  guard.unlock();
  search_gathered(ivf, subset, q, k, distances, labels);
  return true;
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
