#include "faiss_ops.h"

#include "device_ops.h"
#include "id_filter.h"

#include <faiss/IndexIDMap.h>
#include <faiss/IndexIVFFastScan.h>
#include <faiss/IndexIVFFlat.h>
#include <faiss/IndexIVFPQ.h>
#include <faiss/IndexIVFPQR.h>
#include <faiss/IndexScalarQuantizer.h>
#include <faiss/impl/FaissException.h>
#include <faiss/impl/IDSelector.h>
#include <faiss/impl/io.h>
#include <faiss/index_factory.h>
#include <faiss/index_io.h>
#include <faiss/utils/distances.h>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <cstring>
#include <regex>
#include <stdexcept>

namespace vecshard {

namespace {

faiss::MetricType parse_metric(const std::string& metric) {
  if (metric == "l2") return faiss::METRIC_L2;
  if (metric == "ip" || metric == "cosine") return faiss::METRIC_INNER_PRODUCT;
  throw std::invalid_argument("unknown metric \"" + metric + "\" (use l2, ip or cosine)");
}

// Non-IVF indexes (Flat, HNSW …) keep no ids of their own: an IDMap gives them ids.
faiss::Index* with_ids(faiss::Index* index) {
  if (dynamic_cast<faiss::IndexIVF*>(index) || dynamic_cast<faiss::IndexIDMap*>(index)) return index;
  auto* mapped = new faiss::IndexIDMap(index);
  mapped->own_fields = true;
  return mapped;
}

StatePtr wrap(faiss::Index* index, bool cosine) {
  auto state = std::make_shared<IndexState>();
  state->index.reset(index);
  state->ivf = dynamic_cast<faiss::IndexIVF*>(index);
  // An id → (list, offset) table makes removing a batch cost the batch, not a
  // scan of every list; upserts remove before they add, so this is the hot path.
  if (state->ivf && state->ivf->direct_map.no()) state->ivf->set_direct_map_type(faiss::DirectMap::Hashtable);
  state->cosine = cosine;
  return state;
}

// Reads from caller-owned memory without copying it into a vector first.
struct SpanReader : faiss::IOReader {
  const uint8_t* data;
  size_t size;
  size_t pos = 0;
  SpanReader(const uint8_t* d, size_t s) : data(d), size(s) {}
  size_t operator()(void* ptr, size_t item, size_t count) override {
    if (item == 0 || pos >= size) return 0;
    size_t items = std::min(count, (size - pos) / item);
    std::memcpy(ptr, data + pos, items * item);
    pos += items * item;
    return items;
  }
};

void check_lists(const faiss::IndexIVF& ivf, const idx_t* lists, size_t n, bool allow_missing) {
  for (size_t i = 0; i < n; i++) {
    if (allow_missing && lists[i] == -1) continue;
    if (lists[i] < 0 || static_cast<size_t>(lists[i]) >= ivf.nlist) {
      throw std::out_of_range("list id " + std::to_string(lists[i]) + " is outside 0.." +
                              std::to_string(ivf.nlist - 1));
    }
  }
}

}  // namespace

void require_trained(const IndexState& state) {
  if (!state.index->is_trained) throw std::logic_error("the index is not trained: call train() first");
}

faiss::IndexIVF& require_ivf(const IndexState& state, const char* operation) {
  if (!state.ivf) throw std::logic_error(std::string(operation) + " needs an IVF index");
  return *state.ivf;
}

std::string readable(const std::exception& e) {
  if (auto* fe = dynamic_cast<const faiss::FaissException*>(&e)) {
    // FAISS prefixes "Error in <function> at <file>:<line>: " and sometimes "Error: ".
    static const std::regex location("^Error in .* at [^ ]+:[0-9]+: (Error: )?");
    return std::regex_replace(fe->msg, location, "");
  }
  return e.what();
}

StatePtr create_index(int dim, const std::string& factory, const std::string& metric) {
  faiss::MetricType type = parse_metric(metric);
  faiss::Index* index = nullptr;
  try {
    index = faiss::index_factory(dim, factory.c_str(), type);
  } catch (const std::exception& e) {
    throw std::invalid_argument("unknown or invalid index factory string \"" + factory + "\": " + readable(e));
  }
  return wrap(with_ids(index), metric == "cosine");
}

StatePtr read_index(const uint8_t* bytes, size_t size, const std::string& metric) {
  parse_metric(metric);
  SpanReader reader(bytes, size);
  faiss::Index* index = nullptr;
  try {
    index = faiss::read_index(&reader);
  } catch (const std::exception& e) {
    throw std::invalid_argument("not a serialised FAISS index: " + readable(e));
  }
  return wrap(index, metric == "cosine");
}

std::unique_ptr<std::vector<uint8_t>> write_index(const IndexState& state) {
  faiss::VectorIOWriter writer;
  faiss::write_index(state.index.get(), &writer);
  return std::make_unique<std::vector<uint8_t>>(std::move(writer.data));
}

Rows::Rows(const IndexState& state, const float* x, size_t n, const char* what) : x_(x), n_(n) {
  size_t count = n * state.index->d;
  for (size_t i = 0; i < count; i++) {
    if (!std::isfinite(x[i])) {
      throw std::invalid_argument(std::string(what) + " contain NaN or Infinity (row " +
                                  std::to_string(i / state.index->d) + ")");
    }
  }
  if (state.cosine) {
    copy_.assign(x, x + count);
    faiss::fvec_renorm_L2(state.index->d, n, copy_.data());
  }
}

void train(IndexState& state, const Rows& x) {
  std::unique_lock guard(state.lock);
  state.index->train(x.n(), x.data());
  state.wrote();
}

void add(IndexState& state, const Rows& x, const idx_t* ids) {
  require_trained(state);
  std::unique_lock guard(state.lock);
  state.index->add_with_ids(x.n(), x.data(), ids);
  state.wrote();
}

void add_preassigned(IndexState& state, const Rows& x, const idx_t* ids, const idx_t* lists) {
  require_trained(state);
  auto& ivf = require_ivf(state, "addPreassigned");
  check_lists(ivf, lists, x.n(), false);
  std::unique_lock guard(state.lock);
  ivf.add_core(x.n(), x.data(), ids, lists);
  state.wrote();
}

size_t remove_ids(IndexState& state, const idx_t* ids, size_t n) {
  std::unique_lock guard(state.lock);
  size_t removed;
  if (state.ivf && state.ivf->direct_map.type == faiss::DirectMap::Hashtable) {
    removed = state.index->remove_ids(faiss::IDSelectorArray(n, ids));
  } else {
    removed = state.index->remove_ids(faiss::IDSelectorBatch(n, ids));
  }
  state.wrote();
  return removed;
}

void import_list(IndexState& state, size_t list, const idx_t* ids, const uint8_t* codes, size_t n) {
  faiss::IndexIVF& ivf = *state.ivf;
  std::unique_lock guard(state.lock);
  faiss::InvertedLists& lists = *ivf.invlists;
  const bool mapped = ivf.direct_map.type == faiss::DirectMap::Hashtable;
  size_t before = lists.list_size(list);
  if (mapped && before > 0) {
    faiss::InvertedLists::ScopedIds old(&lists, list);
    for (size_t i = 0; i < before; i++) ivf.direct_map.hashtable.erase(old[i]);
  }
  lists.resize(list, 0);
  if (n > 0) lists.add_entries(list, n, ids, codes);
  if (mapped) {
    for (size_t i = 0; i < n; i++) ivf.direct_map.hashtable[ids[i]] = faiss::lo_build(list, i);
  }
  ivf.ntotal += static_cast<idx_t>(n) - static_cast<idx_t>(before);
  state.wrote();
}

void search(const IndexState& state, const Rows& q, int k, int nprobe, float* distances, idx_t* labels) {
  require_trained(state);
  std::shared_lock guard(state.lock);
  if (state.device) return device_search(state, q, k, nprobe, distances, labels);
  if (state.ivf && nprobe > 0) {
    faiss::SearchParametersIVF params;
    params.nprobe = nprobe;
    state.index->search(q.n(), q.data(), k, distances, labels, &params);
  } else {
    state.index->search(q.n(), q.data(), k, distances, labels);
  }
}

void assign(const IndexState& state, const Rows& q, int nprobe, float* distances, idx_t* lists) {
  require_trained(state);
  auto& ivf = require_ivf(state, "assign");
  std::shared_lock guard(state.lock);
  ivf.quantizer->search(q.n(), q.data(), nprobe, distances, lists);
}

bool try_assign(const IndexState& state, const Rows& q, int nprobe, float* distances, idx_t* lists) {
  require_trained(state);
  auto& ivf = require_ivf(state, "assign");
  std::shared_lock guard(state.lock, std::try_to_lock);
  if (!guard.owns_lock()) return false;
  ivf.quantizer->search(q.n(), q.data(), nprobe, distances, lists);
  return true;
}

namespace {

const faiss::IndexIVF& require_preassignable(const IndexState& state, int nprobe, const idx_t* lists, size_t n) {
  require_trained(state);
  auto& ivf = require_ivf(state, "searchPreassigned");
  if (dynamic_cast<const faiss::IndexIVFFastScan*>(&ivf)) {
    throw std::logic_error("searchPreassigned does not support fast-scan IVF indexes (x4fs): use Flat, SQ or PQ");
  }
  if (nprobe < 1 || static_cast<size_t>(nprobe) > ivf.nlist) {
    throw std::out_of_range("each query needs 1.." + std::to_string(ivf.nlist) + " lists, got " +
                            std::to_string(nprobe));
  }
  check_lists(ivf, lists, n * nprobe, true);
  return ivf;
}

// In FAISS 1.7.3 the list scanners of IVF-Flat, IVF-SQ and IVF-PQ test each id
// against SearchParametersIVF::sel. The others do not do what a filter means:
// additive-quantizer and spectral-hash scanners throw on a selector, IVFPQR
// re-ranks through store_pairs (which refuses one), and IVFFlatDedup adds the
// duplicates of a result after the scan, unfiltered.
void require_filterable(const faiss::IndexIVF& ivf) {
  const bool honours_sel =
      (dynamic_cast<const faiss::IndexIVFFlat*>(&ivf) && !dynamic_cast<const faiss::IndexIVFFlatDedup*>(&ivf)) ||
      dynamic_cast<const faiss::IndexIVFScalarQuantizer*>(&ivf) ||
      (dynamic_cast<const faiss::IndexIVFPQ*>(&ivf) && !dynamic_cast<const faiss::IndexIVFPQR*>(&ivf));
  if (!honours_sel) {
    throw std::logic_error(
        "an id filter needs an IVF index of Flat, SQ or PQ codes; FAISS cannot filter the lists of this one");
  }
}

// The parameters every preassigned search passes: the row width of lists /
// centroid distances, and the filter's selector when there is one.
faiss::SearchParametersIVF preassigned_params(const faiss::IndexIVF& ivf, int nprobe, const IdFilter* filter) {
  faiss::SearchParametersIVF params;
  params.nprobe = nprobe;
  if (filter) {
    require_filterable(ivf);
    // FAISS 1.7.3 declares the selector non-const; searches only call is_member() on it.
    params.sel = const_cast<faiss::IDSelector*>(filter->selector());
  }
  return params;
}

// FAISS's search() splits a batch over its threads and runs search_preassigned
// on each slice; search_preassigned itself (parallel mode 0) uses one thread.
// A shard is only ever given preassigned batches, so it splits them the same
// way, with per-slice statistics as search() keeps them.
void search_preassigned_in_slices(const faiss::IndexIVF& ivf, const Rows& q, int k, int nprobe,
                                  const idx_t* lists, const float* centroid_distances, float* distances,
                                  idx_t* labels, const faiss::SearchParametersIVF& params) {
  const idx_t n = q.n();
  const int slices = static_cast<int>(std::min<idx_t>(omp_get_max_threads(), n));
  if (slices <= 1) {
    ivf.search_preassigned(n, q.data(), k, lists, centroid_distances, distances, labels, false, &params);
    return;
  }
  std::vector<std::exception_ptr> errors(slices);
  const size_t d = ivf.d;
#pragma omp parallel for num_threads(slices)
  for (int slice = 0; slice < slices; slice++) {
    const idx_t i0 = n * slice / slices;
    const idx_t i1 = n * (slice + 1) / slices;
    faiss::IndexIVFStats stats;
    try {
      ivf.search_preassigned(i1 - i0, q.data() + i0 * d, k, lists + i0 * nprobe, centroid_distances + i0 * nprobe,
                             distances + i0 * k, labels + i0 * k, false, &params, &stats);
    } catch (...) {
      errors[slice] = std::current_exception();
    }
  }
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

size_t code_bytes(const faiss::IndexIVF& ivf, const idx_t* lists, size_t n) {
  size_t bytes = 0;
  for (size_t i = 0; i < n; i++) {
    if (lists[i] >= 0) bytes += ivf.invlists->list_size(lists[i]) * ivf.code_size;
  }
  return bytes;
}

}  // namespace

void search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                        const float* centroid_distances, float* distances, idx_t* labels, const IdFilter* filter) {
  auto& ivf = require_preassignable(state, nprobe, lists, q.n());
  const faiss::SearchParametersIVF params = preassigned_params(ivf, nprobe, filter);
  std::shared_lock guard(state.lock);
  if (state.device && !filter) {
    return device_search_preassigned(state, q, k, nprobe, lists, centroid_distances, distances, labels);
  }
  search_preassigned_in_slices(ivf, q, k, nprobe, lists, centroid_distances, distances, labels, params);
}

bool try_search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                            const float* centroid_distances, float* distances, idx_t* labels, size_t max_bytes,
                            const IdFilter* filter) {
  auto& ivf = require_preassignable(state, nprobe, lists, q.n());
  const faiss::SearchParametersIVF params = preassigned_params(ivf, nprobe, filter);
  std::shared_lock guard(state.lock, std::try_to_lock);
  if (!guard.owns_lock() || state.device || code_bytes(ivf, lists, q.n() * nprobe) > max_bytes) return false;
  ivf.search_preassigned(q.n(), q.data(), k, lists, centroid_distances, distances, labels, false, &params);
  return true;
}

}  // namespace vecshard
