#include "subset_cache.h"

#include <algorithm>
#include <cstring>

namespace vecshard {

namespace {

// The index, its write count and the ids, mixed word by word (a hash match is
// confirmed by comparing the ids).
uint64_t hash_of(uint64_t index_serial, uint64_t writes, const idx_t* ids, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ index_serial ^ (writes * 0xc2b2ae3d27d4eb4full) ^ (n << 1);
  for (size_t i = 0; i < n; i++) {
    h ^= static_cast<uint64_t>(ids[i]) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  return h | 1;  // never 0, the empty slot of the recent misses
}

}  // namespace

SubsetKey::SubsetKey(uint64_t index_serial, uint64_t writes, const idx_t* ids, size_t n)
    : hash(hash_of(index_serial, writes, ids, n)), index_serial(index_serial), writes(writes), ids(ids), n(n) {}

SubsetCache& SubsetCache::instance() {
  static SubsetCache cache;
  return cache;
}

bool SubsetCache::wanted(size_t n) const {
  std::lock_guard guard(lock_);
  return n >= kMinIds && budget_ > 0;
}

SubsetCache::Lru::iterator SubsetCache::entry_of(const SubsetKey& key) {
  auto [first, last] = by_hash_.equal_range(key.hash);
  for (auto it = first; it != last; ++it) {
    const Entry& entry = *it->second;
    if (entry.index_serial != key.index_serial || entry.writes != key.writes || entry.asked.size() != key.n) continue;
    if (std::memcmp(entry.asked.data(), key.ids, key.n * sizeof(idx_t)) == 0) return it->second;
  }
  return lru_.end();
}

std::shared_ptr<const Subset> SubsetCache::find(const SubsetKey& key) {
  std::lock_guard guard(lock_);
  const auto entry = entry_of(key);
  if (entry == lru_.end()) {
    misses_++;
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, entry);
  hits_++;
  return entry->subset;
}

bool SubsetCache::missed_before(const SubsetKey& key) {
  std::lock_guard guard(lock_);
  uint64_t& slot = recent_misses_[key.hash % kRecentMisses];
  const bool again = slot == key.hash;
  slot = key.hash;
  return again;
}

void SubsetCache::keep(const SubsetKey& key, std::shared_ptr<const Subset> subset) {
  Entry entry{key.hash, key.index_serial, key.writes, std::vector<idx_t>(key.ids, key.ids + key.n), std::move(subset)};
  const size_t bytes = entry.bytes();
  std::lock_guard guard(lock_);
  // One subset may not take more than a quarter of the budget: a few large
  // filters would otherwise push out every tenant.
  if (bytes > budget_ / 4 || entry_of(key) != lru_.end()) return;
  lru_.push_front(std::move(entry));
  by_hash_.emplace(key.hash, lru_.begin());
  bytes_ += bytes;
  evict_to(budget_);
}

void SubsetCache::set_budget(size_t bytes) {
  std::lock_guard guard(lock_);
  budget_ = bytes;
  evict_to(budget_);
}

SubsetCacheStats SubsetCache::stats() const {
  std::lock_guard guard(lock_);
  return {lru_.size(), bytes_, hits_, misses_};
}

void SubsetCache::evict_to(size_t budget) {
  while (bytes_ > budget && !lru_.empty()) {
    const Entry& oldest = lru_.back();
    auto [first, last] = by_hash_.equal_range(oldest.key);
    for (auto it = first; it != last; ++it) {
      if (&*it->second == &oldest) {
        by_hash_.erase(it);
        break;
      }
    }
    bytes_ -= oldest.bytes();
    lru_.pop_back();
  }
}

}  // namespace vecshard
