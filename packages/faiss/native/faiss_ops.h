// Plain C++ over FAISS: no N-API here. Every function runs on a worker thread
// and reports problems by throwing std::exception; index_wrap.cc turns those
// into rejected promises.
#pragma once

#include <faiss/Index.h>
#include <faiss/IndexIVF.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace vecshard {

using idx_t = faiss::Index::idx_t;

struct DeviceCopy;  // device_ops.cc: the index's copy on a GPU, when it has one
class IdFilter;     // id_filter.h: a set of ids a search is restricted to or kept from

// An index and the lock that serialises writers against readers: FAISS allows
// concurrent searches but not a search concurrent with an add or a remove.
struct IndexState {
  std::unique_ptr<faiss::Index> index;
  faiss::IndexIVF* ivf = nullptr;  // the same object seen as IVF, or null
  bool cosine = false;             // normalise inputs before FAISS sees them
  mutable std::shared_mutex lock;
  std::shared_ptr<DeviceCopy> device;            // searches run here when set
  mutable std::atomic<bool> device_stale{false};  // a write happened since the device copy was made
  const uint64_t serial = next_serial();          // tells this index from any other in the process
  std::atomic<uint64_t> writes{0};                // changes of the content so far (read under the lock)

  // A write under the unique lock: device copies and cached subsets are stale from now on.
  void wrote() {
    device_stale = true;
    writes++;
  }

 private:
  static uint64_t next_serial() {
    static std::atomic<uint64_t> serials{0};
    return ++serials;
  }
};

using StatePtr = std::shared_ptr<IndexState>;

// Metric names as the TypeScript layer spells them: "l2", "ip", "cosine".
StatePtr create_index(int dim, const std::string& factory, const std::string& metric);
StatePtr read_index(const uint8_t* bytes, size_t size, const std::string& metric);
std::unique_ptr<std::vector<uint8_t>> write_index(const IndexState& state);

// Input rows, normalised for cosine indexes (on a copy; callers' arrays are never written).
class Rows {
 public:
  Rows(const IndexState& state, const float* x, size_t n, const char* what);
  const float* data() const { return copy_.empty() ? x_ : copy_.data(); }
  size_t n() const { return n_; }

 private:
  const float* x_;
  size_t n_;
  std::vector<float> copy_;
};

// Preconditions shared by the operations: logic_error (FAILED_PRECONDITION) when not met.
void require_trained(const IndexState& state);
faiss::IndexIVF& require_ivf(const IndexState& state, const char* operation);

void train(IndexState& state, const Rows& x);
void add(IndexState& state, const Rows& x, const idx_t* ids);
void add_preassigned(IndexState& state, const Rows& x, const idx_t* ids, const idx_t* lists);
size_t remove_ids(IndexState& state, const idx_t* ids, size_t n);
// Replaces one inverted list's entries (ids and codes, code_size bytes each).
void import_list(IndexState& state, size_t list, const idx_t* ids, const uint8_t* codes, size_t n);
void search(const IndexState& state, const Rows& q, int k, int nprobe, float* distances, idx_t* labels);
void assign(const IndexState& state, const Rows& q, int nprobe, float* distances, idx_t* lists);
// Like assign, but returns false instead of waiting while a writer holds the index.
bool try_assign(const IndexState& state, const Rows& q, int nprobe, float* distances, idx_t* lists);
// With a filter, only ids it selects are candidates (FAISS's SearchParametersIVF::sel);
// a filtered search runs on the CPU index even when the index has a GPU copy,
// because FAISS 1.7.3's GPU IVF ignores selectors.
void search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                        const float* centroid_distances, float* distances, idx_t* labels,
                        const IdFilter* filter = nullptr);
// Like search_preassigned, but returns false without searching when a writer
// holds the index, the index lives on a GPU, or the lists hold more than
// max_bytes of codes (too long a scan for the calling thread).
bool try_search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                            const float* centroid_distances, float* distances, idx_t* labels, size_t max_bytes,
                            const IdFilter* filter = nullptr);

// The FAISS message without its file/line prefix, for errors people read.
std::string readable(const std::exception& e);

}  // namespace vecshard
