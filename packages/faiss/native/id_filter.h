// A set of ids that a search is restricted to (include) or kept away from
// (exclude), as FAISS's IDSelector. Plain C++: the N-API object that owns one
// is in filter_wrap.cc.
#pragma once

#include <faiss/impl/IDSelector.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "faiss_ops.h"

namespace vecshard {

// One bit per id of [first, first + bits): FAISS's IDSelectorBitmap with an
// offset, so a dense block of ids that does not start at 0 costs its span
// only. is_member is a bounds check and one byte read.
class IdBitmap : public faiss::IDSelector {
 public:
  IdBitmap(const idx_t* ids, size_t n, idx_t first, uint64_t bits);
  bool is_member(idx_t id) const final {
    const uint64_t at = static_cast<uint64_t>(id) - first_;
    return at < bits_ && (bytes_[at >> 3] >> (at & 7)) & 1;
  }
  size_t count() const { return count_; }
  size_t memory_bytes() const { return bytes_.size(); }

 private:
  uint64_t first_;
  uint64_t bits_;
  std::vector<uint8_t> bytes_;
  size_t count_ = 0;
};

// Made once per request and shared by every search that uses it: it never
// changes after construction, and FAISS only calls is_member() on it, so
// concurrent searches may share one. Searches hold it by shared_ptr, so it
// outlives a JavaScript dispose() that happens while they run.
//
// The set is FAISS's IDSelectorBatch (a hash set behind a bloom filter) unless
// the ids are dense enough for an IdBitmap to take no more memory than it
// would (at least one id in kBitsPerIdForBitmap of their span): a hash-set
// lookup misses the cache once the set outgrows it, which makes a filtered
// scan several times slower than an unfiltered one, while a bitmap costs
// about nothing (see bench-filters.ts).
class IdFilter {
 public:
  static constexpr uint64_t kBitsPerIdForBitmap = 256;

  // Copies the ids; repeats count once.
  IdFilter(const idx_t* ids, size_t n, bool exclude);
  IdFilter(const IdFilter&) = delete;
  IdFilter& operator=(const IdFilter&) = delete;

  // What FAISS tests ids against: the set itself, or its complement.
  const faiss::IDSelector* selector() const {
    return exclude_ ? static_cast<const faiss::IDSelector*>(&negated_) : set_.get();
  }
  bool exclude() const { return exclude_; }
  bool bitmap() const { return bitmap_; }
  size_t distinct() const { return distinct_; }
  // Heap bytes the set holds, approximately (for the garbage collector's accounting).
  size_t memory_bytes() const { return memory_bytes_; }

 private:
  std::unique_ptr<const faiss::IDSelector> set_;
  faiss::IDSelectorNot negated_;  // points at *set_
  bool exclude_;
  bool bitmap_ = false;
  size_t distinct_ = 0;
  size_t memory_bytes_ = 0;
};

using FilterPtr = std::shared_ptr<const IdFilter>;

}  // namespace vecshard
