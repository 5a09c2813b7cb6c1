#include "id_filter.h"

#include <algorithm>

namespace vecshard {

IdBitmap::IdBitmap(const idx_t* ids, size_t n, idx_t first, uint64_t bits)
    : first_(static_cast<uint64_t>(first)), bits_(bits), bytes_((bits + 7) / 8, 0) {
  for (size_t i = 0; i < n; i++) {
    const uint64_t at = static_cast<uint64_t>(ids[i]) - first_;
    const uint8_t bit = static_cast<uint8_t>(1u << (at & 7));
    count_ += !(bytes_[at >> 3] & bit);
    bytes_[at >> 3] |= bit;
  }
}

namespace {

// The span of the ids as a bit count, or 0 when it is too wide to count
// (the whole int64 range).
uint64_t span_bits(const idx_t* ids, size_t n, idx_t* first) {
  const auto [lo, hi] = std::minmax_element(ids, ids + n);
  *first = *lo;
  return static_cast<uint64_t>(*hi) - static_cast<uint64_t>(*lo) + 1;
}

// libstdc++'s unordered_set: one bucket pointer per bucket, and per id a node
// holding the next pointer and the id (16 bytes, 32 with malloc's overhead);
// then the bloom filter's bytes.
size_t batch_bytes(const faiss::IDSelectorBatch& batch) {
  return batch.set.bucket_count() * sizeof(void*) + batch.set.size() * 32 + batch.bloom.size();
}

}  // namespace

IdFilter::IdFilter(const idx_t* ids, size_t n, bool exclude) : negated_(nullptr), exclude_(exclude) {
  idx_t first = 0;
  const uint64_t bits = n > 0 ? span_bits(ids, n, &first) : 0;
  if (n > 0 && bits != 0 && bits / kBitsPerIdForBitmap <= n) {
    auto bitmap = std::make_unique<IdBitmap>(ids, n, first, bits);
    distinct_ = bitmap->count();
    memory_bytes_ = bitmap->memory_bytes();
    bitmap_ = true;
    set_ = std::move(bitmap);
  } else {
    auto batch = std::make_unique<faiss::IDSelectorBatch>(n, ids);
    distinct_ = batch->set.size();
    memory_bytes_ = batch_bytes(*batch);
    set_ = std::move(batch);
  }
  negated_.sel = set_.get();
}

}  // namespace vecshard
