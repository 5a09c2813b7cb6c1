#include "device_ops.h"

#ifdef VECSHARD_FAISS_GPU
#include <cuda_runtime.h>
#include <faiss/gpu/GpuCloner.h>
#include <faiss/gpu/GpuIndexIVF.h>
#include <faiss/gpu/StandardGpuResources.h>

#include <mutex>
#include <string>
#endif

namespace vecshard {

#ifdef VECSHARD_FAISS_GPU

struct DeviceCopy {
  int device = 0;
  faiss::gpu::StandardGpuResources resources;
  std::unique_ptr<faiss::Index> index;
  std::mutex calls;  // one FAISS call on the device at a time
};

namespace {

// Bytes the device copy of the index needs for its lists, ids and centroids.
size_t device_bytes(const IndexState& state) {
  const faiss::Index& index = *state.index;
  size_t per_vector = (state.ivf ? state.ivf->code_size : index.d * sizeof(float)) + sizeof(idx_t);
  size_t centroids = state.ivf ? state.ivf->nlist * index.d * sizeof(float) : 0;
  return per_vector * static_cast<size_t>(index.ntotal) + centroids;
}

void check_fits(const IndexState& state, int device) {
  size_t free_bytes = 0, total_bytes = 0;
  cudaSetDevice(device);
  if (cudaMemGetInfo(&free_bytes, &total_bytes) != cudaSuccess) return;
  size_t needed = device_bytes(state);
  if (needed > free_bytes) {
    throw DeviceMemoryError("the index needs " + std::to_string(needed >> 20) + " MiB on cuda:" +
                            std::to_string(device) + " but only " + std::to_string(free_bytes >> 20) +
                            " MiB are free");
  }
}

// Re-clones the CPU index when a write has happened since the last clone.
void refresh(const IndexState& state, DeviceCopy& copy) {
  if (!state.device_stale.exchange(false)) return;
  check_fits(state, copy.device);
  copy.index.reset();  // free the old copy before making the new one
  copy.index.reset(faiss::gpu::index_cpu_to_gpu(&copy.resources, copy.device, state.index.get()));
}

}  // namespace

bool gpu_build() { return true; }

int device_count() {
  int n = 0;
  return cudaGetDeviceCount(&n) == cudaSuccess ? n : 0;
}

void to_device(IndexState& state, int device, size_t temp_memory) {
  if (device < 0 || device >= device_count()) {
    throw std::out_of_range("cuda:" + std::to_string(device) + " does not exist (" + std::to_string(device_count()) +
                            " GPUs visible)");
  }
  if (!state.ivf) throw std::logic_error("only IVF indexes (Flat, SQ, PQ) can be searched on a GPU");
  auto copy = std::make_shared<DeviceCopy>();
  copy->device = device;
  if (temp_memory > 0) copy->resources.setTempMemory(temp_memory);
  std::unique_lock guard(state.lock);
  state.device_stale = true;
  refresh(state, *copy);
  state.device = copy;
}

void device_search(const IndexState& state, const Rows& q, int k, int nprobe, float* distances, idx_t* labels) {
  DeviceCopy& copy = *state.device;
  std::lock_guard one_call(copy.calls);
  refresh(state, copy);
  faiss::SearchParametersIVF params;
  params.nprobe = nprobe > 0 ? nprobe : state.ivf->nprobe;
  copy.index->search(q.n(), q.data(), k, distances, labels, &params);
}

void device_search_preassigned(const IndexState& state, const Rows& q, int k, int nprobe, const idx_t* lists,
                               const float* centroid_distances, float* distances, idx_t* labels) {
  DeviceCopy& copy = *state.device;
  std::lock_guard one_call(copy.calls);
  refresh(state, copy);
  auto* ivf = dynamic_cast<faiss::gpu::GpuIndexIVF*>(copy.index.get());
  if (!ivf) throw std::logic_error("the device copy is not a GPU IVF index");
  faiss::SearchParametersIVF params;
  params.nprobe = nprobe;
  ivf->search_preassigned(q.n(), q.data(), k, lists, centroid_distances, distances, labels, false, &params);
}

#else

namespace {
[[noreturn]] void no_gpu() {
  throw std::logic_error(
      "this FAISS addon was built against a CPU-only libfaiss: build FAISS with GPU support "
      "(scripts/build-faiss-gpu.sh) and the addon with FAISS_GPU=1 to use a cuda device");
}
}  // namespace

bool gpu_build() { return false; }
int device_count() { return 0; }
void to_device(IndexState&, int, size_t) { no_gpu(); }
void device_search(const IndexState&, const Rows&, int, int, float*, idx_t*) { no_gpu(); }
void device_search_preassigned(const IndexState&, const Rows&, int, int, const idx_t*, const float*, float*,
                               idx_t*) {
  no_gpu();
}

#endif

}  // namespace vecshard
