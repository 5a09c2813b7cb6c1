// A set of ids that a search is restricted to (include) or kept away from
// (exclude), as FAISS's IDSelector. Plain C++: the N-API object that owns one
// is in filter_wrap.cc.
#pragma once

#include <faiss/impl/IDSelector.h>

#include <cstddef>
#include <memory>

#include "faiss_ops.h"

namespace vecshard {

// Made once per request and shared by every search that uses it: it never
// changes after construction, and FAISS only calls is_member() on it, so
// concurrent searches may share one. Searches hold it by shared_ptr, so it
// outlives a JavaScript dispose() that happens while they run.
class IdFilter {
 public:
  // Copies the ids (FAISS's IDSelectorBatch keeps a hash set and a bloom filter).
  IdFilter(const idx_t* ids, size_t n, bool exclude);
  IdFilter(const IdFilter&) = delete;
  IdFilter& operator=(const IdFilter&) = delete;

  // What FAISS tests ids against: the batch itself, or its complement.
  const faiss::IDSelector* selector() const {
    return exclude_ ? static_cast<const faiss::IDSelector*>(&negated_) : &batch_;
  }
  bool exclude() const { return exclude_; }
  size_t distinct() const { return batch_.set.size(); }
  // Heap bytes the selector holds, approximately (for the garbage collector's accounting).
  size_t memory_bytes() const;

 private:
  faiss::IDSelectorBatch batch_;
  faiss::IDSelectorNot negated_;  // points at batch_, so an IdFilter never moves
  bool exclude_;
};

using FilterPtr = std::shared_ptr<const IdFilter>;

}  // namespace vecshard
