#include "id_filter.h"

namespace vecshard {

IdFilter::IdFilter(const idx_t* ids, size_t n, bool exclude)
    : batch_(n, ids), negated_(&batch_), exclude_(exclude) {}

size_t IdFilter::memory_bytes() const {
  // libstdc++'s unordered_set: one bucket pointer per bucket, and per id a node
  // holding the next pointer and the id (16 bytes, 32 with malloc's overhead).
  return batch_.set.bucket_count() * sizeof(void*) + batch_.set.size() * 32 + batch_.bloom.size();
}

}  // namespace vecshard
