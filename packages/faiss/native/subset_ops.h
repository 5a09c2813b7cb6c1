// Stored vectors read back by id, and exact search among a set of ids: both
// find vectors through the IVF index's direct map (id → list and offset), so
// they cost the ids asked for, not the size of the index. Plain C++ like
// faiss_ops.h: errors are thrown, index_wrap.cc maps them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "faiss_ops.h"
#include "subset_cache.h"

namespace vecshard {

// The k nearest of the stored vectors whose ids are in ids[0..n_ids) (ids not
// stored are skipped, repeats count once), by brute force over their decoded
// vectors: for IVF-Flat these are the stored vectors themselves, so the
// results are exact; for SQ and PQ they are the reconstructions FAISS's list
// scans measure too, so the results are exact for those approximations (what
// probing every list would return, without the lists' other vectors). Rows
// with fewer than k results are padded as FAISS pads them: label -1 and the
// metric's worst distance.
void search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids, float* distances,
                   idx_t* labels);
// Like search_subset, but returns false, having done nothing, while a writer holds the index.
bool try_search_subset(const IndexState& state, const Rows& q, int k, const idx_t* ids, size_t n_ids,
                       float* distances, idx_t* labels);

// The bytes the addon's cache of searched subsets may hold (0: none), and what it holds.
void set_subset_cache_bytes(size_t bytes);
SubsetCacheStats subset_cache_stats();

// Decodes the stored vector of each id into `vectors` (d floats per id, in
// the order asked); found[i] is 1, or 0 (and the row is left as it was) when
// ids[i] is not stored. Cosine indexes return the normalised vectors they hold.
void reconstruct_ids(const IndexState& state, const idx_t* ids, size_t n, uint8_t* found, float* vectors);
// Like reconstruct_ids, but returns false, having done nothing, while a writer holds the index.
bool try_reconstruct_ids(const IndexState& state, const idx_t* ids, size_t n, uint8_t* found, float* vectors);

}  // namespace vecshard
