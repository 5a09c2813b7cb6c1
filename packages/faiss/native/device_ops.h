// Searching on a GPU. The CPU index stays the source of truth (adds go there
// with add_core, which FAISS 1.7.3's GPU IVF lacks); the device holds a copy
// used for searches, refreshed from the CPU index after writes. FAISS GPU
// indexes are not safe for concurrent calls, so each device copy serialises
// its calls. In a CPU-only build every entry point explains how to get a GPU build.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <stdexcept>

#include "faiss_ops.h"

namespace vecshard {

// Thrown when the device cannot hold the index; mapped to RESOURCE_EXHAUSTED by the worker.
struct DeviceMemoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool gpu_build();
int device_count();

// Clones the index onto GPU `device`; `temp_memory` bytes of scratch space (0 = FAISS's default).
void to_device(IndexState& state, int device, size_t temp_memory);

// The same contracts as search / search_preassigned in faiss_ops.h, run on the device copy.
void device_search(const IndexState& state, const Rows& q, int k, int nprobe, float* distances, idx_t* labels);
void device_search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                               const float* centroid_distances, float* distances, idx_t* labels);

}  // namespace vecshard
