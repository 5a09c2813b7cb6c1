// Recently searched subsets, kept gathered: the ids a filter admits and their
// decoded vectors in one contiguous block. A tenant's rows lie scattered over
// the inverted lists; measuring them in place costs two cache misses per row
// (the direct map, then the row). Searching the same subset again while the
// index has not been written since measures one contiguous block instead.
// Plain C++: one cache per addon, shared by its indexes, bounded in bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "faiss_ops.h"

namespace vecshard {

// The stored vectors among a set of ids, decoded, and their ids.
struct Subset {
  std::vector<idx_t> ids;
  std::vector<float> vectors;  // ids.size() rows of d floats
  size_t bytes() const { return ids.size() * sizeof(idx_t) + vectors.size() * sizeof(float); }
};

struct SubsetCacheStats {
  size_t entries = 0;
  size_t bytes = 0;
  uint64_t hits = 0;
  uint64_t misses = 0;
};

// Which subset: the ids asked of one index at one write count.
struct SubsetKey {
  SubsetKey(uint64_t index_serial, uint64_t writes, const idx_t* ids, size_t n);
  uint64_t hash;
  uint64_t index_serial;
  uint64_t writes;
  const idx_t* ids;
  size_t n;
};

class SubsetCache {
 public:
  // Subsets of fewer ids are measured in place as cheaply as they are copied.
  static constexpr size_t kMinIds = 256;

  static SubsetCache& instance();

  // Whether a subset of n ids is worth keeping (and looking up).
  bool wanted(size_t n) const;
  // The subset gathered for exactly this key, or null. Counts a hit or a miss.
  std::shared_ptr<const Subset> find(const SubsetKey& key);
  // Records a miss; true when the same key missed recently too. A subset is
  // copied only when asked for a second time, so one-off filters neither pay
  // for the copy nor push out the subsets that are asked again.
  bool missed_before(const SubsetKey& key);
  // Keeps a gathered subset, evicting the least recently used beyond the budget.
  void keep(const SubsetKey& key, std::shared_ptr<const Subset> subset);

  void set_budget(size_t bytes);
  SubsetCacheStats stats() const;

 private:
  struct Entry {
    uint64_t key;
    uint64_t index_serial;
    uint64_t writes;
    std::vector<idx_t> asked;  // the ids as asked, compared on a hash match
    std::shared_ptr<const Subset> subset;
    size_t bytes() const { return asked.size() * sizeof(idx_t) + subset->bytes(); }
  };
  using Lru = std::list<Entry>;

  Lru::iterator entry_of(const SubsetKey& key);  // lru_.end() when not kept
  void evict_to(size_t budget);

  static constexpr size_t kRecentMisses = 4096;

  mutable std::mutex lock_;
  std::vector<uint64_t> recent_misses_ = std::vector<uint64_t>(kRecentMisses, 0);  // hashes, by hash % size
  Lru lru_;  // most recently used first
  std::unordered_multimap<uint64_t, Lru::iterator> by_hash_;
  size_t budget_ = 64u << 20;
  size_t bytes_ = 0;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace vecshard
