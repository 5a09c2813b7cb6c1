#include "bandwidth_ops.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace vecshard {

namespace {

constexpr int kPasses = 5;

struct FreeDeleter {
  void operator()(float* p) const { std::free(p); }
};

// Aligned to a page so vector loads never straddle one at the start.
std::unique_ptr<float[], FreeDeleter> allocate(size_t count) {
  void* p = nullptr;
  if (posix_memalign(&p, 4096, count * sizeof(float)) != 0) throw std::runtime_error("could not allocate the buffer");
  return std::unique_ptr<float[], FreeDeleter>(static_cast<float*>(p));
}

// Written by the same threads, with the same static schedule, that read it later,
// so on a multi-socket machine each thread's pages sit on its own node.
void first_touch(float* data, size_t count, int threads) {
#pragma omp parallel for schedule(static) num_threads(threads)
  for (size_t i = 0; i < count; i++) data[i] = 1.0f;
}

// One pass; the sum is returned so the compiler cannot drop the reads, and the
// `simd` reduction lets it use the widest vector loads the build allows.
float read_pass(const float* data, size_t count, int threads) {
  float sum = 0;
#pragma omp parallel for simd schedule(static) num_threads(threads) reduction(+ : sum)
  for (size_t i = 0; i < count; i++) sum += data[i];
  return sum;
}

}  // namespace

double measure_read_bandwidth(size_t bytes, int threads) {
  size_t count = bytes / sizeof(float);
  if (count == 0) throw std::invalid_argument("bytes must be at least 4");
  if (threads < 1) throw std::invalid_argument("threads must be positive");
  auto data = allocate(count);
  first_touch(data.get(), count, threads);
  double best = 0;
  volatile float sink = 0;
  for (int pass = 0; pass < kPasses; pass++) {
    auto start = std::chrono::steady_clock::now();
    sink = sink + read_pass(data.get(), count, threads);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() > 0) best = std::max(best, count * sizeof(float) / took.count() / 1e9);
  }
  return best;
}

}  // namespace vecshard
