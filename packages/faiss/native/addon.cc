// Module entry: factory functions and process-wide settings.
#include <faiss/Index.h>
#include <napi.h>
#include <omp.h>

#include <atomic>
#include <memory>
#include <string>

#include "addon_data.h"
#include "bandwidth_ops.h"
#include "device_ops.h"
#include "filter_wrap.h"
#include "index_wrap.h"
#include "subset_ops.h"
#include "promise_worker.h"

namespace vecshard {

extern std::atomic<int> thread_count;

namespace {

std::string string_arg(const Napi::CallbackInfo& info, size_t at, const char* what) {
  if (!info[at].IsString()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a string");
  return info[at].As<Napi::String>().Utf8Value();
}

Napi::Value CreateIndex(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "dimension must be a number");
  int dim = info[0].As<Napi::Number>().Int32Value();
  if (dim < 1) throw Napi::RangeError::New(info.Env(), "dimension must be positive");
  std::string factory = string_arg(info, 1, "factory");
  std::string metric = string_arg(info, 2, "metric");
  try {
    return IndexWrap::Wrap(info.Env(), create_index(dim, factory, metric));
  } catch (const Napi::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Napi::Error::New(info.Env(), readable(e));
  }
}

Napi::Value Deserialize(const Napi::CallbackInfo& info) {
  Napi::Value v = info[0];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(info.Env(), "bytes must be a Uint8Array or Buffer");
  }
  auto bytes = v.As<Napi::Uint8Array>();
  std::string metric = string_arg(info, 1, "metric");
  const uint8_t* data = bytes.Data();
  size_t size = bytes.ElementLength();
  auto state = std::make_shared<StatePtr>();
  auto* worker = new PromiseWorker(
      info.Env(), [=] { *state = read_index(data, size, metric); },
      [state](Napi::Env env) -> Napi::Value { return IndexWrap::Wrap(env, *state); });
  return worker->keep(bytes).start();
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "thread count must be a number");
  int n = info[0].As<Napi::Number>().Int32Value();
  if (n < 1) throw Napi::RangeError::New(info.Env(), "thread count must be positive");
  thread_count.store(n);
  omp_set_num_threads(n);
  return info.Env().Undefined();
}

Napi::Value GetNumThreads(const Napi::CallbackInfo& info) {
  int n = thread_count.load();
  return Napi::Number::New(info.Env(), n > 0 ? n : omp_get_max_threads());
}

Napi::Value FaissVersion(const Napi::CallbackInfo& info) {
  std::string version = std::to_string(FAISS_VERSION_MAJOR) + "." + std::to_string(FAISS_VERSION_MINOR) + "." +
                        std::to_string(FAISS_VERSION_PATCH);
  return Napi::String::New(info.Env(), version);
}

// Which FAISS this addon links, fixed when it is compiled (binding.gyp's targets).
const char* build_name() {
#if defined(VECSHARD_FAISS_GPU)
  return "gpu";
#elif defined(VECSHARD_FAISS_AVX2)
  return "avx2";
#else
  return "generic";
#endif
}

Napi::Value FaissBuild(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), build_name());
}

Napi::Value MeasureReadBandwidth(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "bytes must be a number");
  if (!info[1].IsNumber()) throw Napi::TypeError::New(info.Env(), "threads must be a number");
  double bytes = info[0].As<Napi::Number>().DoubleValue();
  int threads = info[1].As<Napi::Number>().Int32Value();
  if (!(bytes >= 4)) throw Napi::RangeError::New(info.Env(), "bytes must be at least 4");
  if (threads < 1) throw Napi::RangeError::New(info.Env(), "threads must be positive");
  auto gbps = std::make_shared<double>(0);
  auto* worker = new PromiseWorker(
      info.Env(), [=] { *gbps = measure_read_bandwidth(static_cast<size_t>(bytes), threads); },
      [gbps](Napi::Env env) -> Napi::Value { return Napi::Number::New(env, *gbps); });
  return worker->start();
}

Napi::Value SetSubsetCacheBytes(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "bytes must be a number");
  const double bytes = info[0].As<Napi::Number>().DoubleValue();
  if (!(bytes >= 0) || bytes > 9007199254740991.0) {
    throw Napi::RangeError::New(info.Env(), "bytes must be a non-negative integer");
  }
  set_subset_cache_bytes(static_cast<size_t>(bytes));
  return info.Env().Undefined();
}

Napi::Value SubsetCacheStatsOf(const Napi::CallbackInfo& info) {
  const SubsetCacheStats stats = subset_cache_stats();
  Napi::Object out = Napi::Object::New(info.Env());
  out.Set("entries", static_cast<double>(stats.entries));
  out.Set("bytes", static_cast<double>(stats.bytes));
  out.Set("hits", static_cast<double>(stats.hits));
  out.Set("misses", static_cast<double>(stats.misses));
  return out;
}

Napi::Value HasGpu(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), gpu_build());
}

Napi::Value GpuCount(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), device_count());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  auto* data = new AddonData();
  data->index = Napi::Persistent(IndexWrap::Define(env));
  data->filter = Napi::Persistent(FilterWrap::Define(env));
  env.SetInstanceData(data);
  exports.Set("createIndex", Napi::Function::New<CreateIndex>(env));
  exports.Set("deserialize", Napi::Function::New<Deserialize>(env));
  exports.Set("createIdFilter", Napi::Function::New<FilterWrap::Create>(env));
  exports.Set("createIdFilterAsync", Napi::Function::New<FilterWrap::CreateAsync>(env));
  exports.Set("setNumThreads", Napi::Function::New<SetNumThreads>(env));
  exports.Set("getNumThreads", Napi::Function::New<GetNumThreads>(env));
  exports.Set("faissVersion", Napi::Function::New<FaissVersion>(env));
  exports.Set("faissBuild", Napi::Function::New<FaissBuild>(env));
  exports.Set("measureReadBandwidth", Napi::Function::New<MeasureReadBandwidth>(env));
  exports.Set("setSubsetCacheBytes", Napi::Function::New<SetSubsetCacheBytes>(env));
  exports.Set("subsetCacheStats", Napi::Function::New<SubsetCacheStatsOf>(env));
  exports.Set("hasGpu", Napi::Function::New<HasGpu>(env));
  exports.Set("gpuCount", Napi::Function::New<GpuCount>(env));
  return exports;
}

}  // namespace

}  // namespace vecshard

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  return vecshard::Init(env, exports);
}

NODE_API_MODULE(vecshard_faiss, InitAddon)
