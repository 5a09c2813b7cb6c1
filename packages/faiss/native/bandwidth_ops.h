// How fast this machine streams memory into the cores: the ceiling that a scan of
// IVF-Flat lists (pure reads of stored vectors) can approach, so benchmarks can say
// how close a search comes to it.
#pragma once

#include <cstddef>

namespace vecshard {

// Reads a buffer of `bytes` (rounded down to whole floats) a few times with
// `threads` OpenMP threads summing floats, and returns the best pass in GB/s (1e9).
double measure_read_bandwidth(size_t bytes, int threads);

}  // namespace vecshard
