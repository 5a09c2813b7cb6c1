#include "index_wrap.h"

#include <faiss/invlists/InvertedLists.h>

#include <cstring>
#include <string>

#include "addon_data.h"
#include "device_ops.h"
#include "faiss_errors.h"
#include "filter_wrap.h"
#include "promise_worker.h"
#include "subset_ops.h"

namespace vecshard {

namespace {

using Int64Array = Napi::TypedArrayOf<int64_t>;

Napi::TypeError type_error(Napi::Env env, const std::string& message) {
  return Napi::TypeError::New(env, message);
}

Napi::Float32Array float_arg(const Napi::CallbackInfo& info, size_t at, const char* what) {
  Napi::Value v = info[at];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    throw type_error(info.Env(), std::string(what) + " must be a Float32Array");
  }
  return v.As<Napi::Float32Array>();
}

Int64Array int64_arg(const Napi::CallbackInfo& info, size_t at, const char* what) {
  Napi::Value v = info[at];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_bigint64_array) {
    throw type_error(info.Env(), std::string(what) + " must be a BigInt64Array");
  }
  return v.As<Int64Array>();
}

Napi::Uint8Array bytes_arg(const Napi::CallbackInfo& info, size_t at, const char* what) {
  Napi::Value v = info[at];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw type_error(info.Env(), std::string(what) + " must be a Uint8Array or Buffer");
  }
  return v.As<Napi::Uint8Array>();
}

int int_arg(const Napi::CallbackInfo& info, size_t at, const char* what, int min, int max) {
  Napi::Value v = info[at];
  if (!v.IsNumber()) throw type_error(info.Env(), std::string(what) + " must be a number");
  double d = v.As<Napi::Number>().DoubleValue();
  if (d != static_cast<double>(static_cast<int64_t>(d)) || d < min || d > max) {
    throw Napi::RangeError::New(info.Env(), std::string(what) + " must be an integer in " + std::to_string(min) +
                                                ".." + std::to_string(max));
  }
  return static_cast<int>(d);
}

// A failure of a call run on the JavaScript thread, thrown with the code an
// asynchronous call would have rejected with.
[[noreturn]] void throw_failure(Napi::Env env, const FaissFailure& failure) {
  Napi::Error error = Napi::Error::New(env, failure.message);
  error.Set("code", Napi::String::New(env, failure.code));
  throw error;
}

Napi::Object search_result(Napi::Env env, size_t count, float** distances, idx_t** labels) {
  auto d = Napi::Float32Array::New(env, count);
  auto l = Int64Array::New(env, count, napi_bigint64_array);
  *distances = d.Data();
  *labels = l.Data();
  Napi::Object result = Napi::Object::New(env);
  result.Set("distances", d);
  result.Set("labels", l);
  return result;
}

}  // namespace

Napi::Function IndexWrap::Define(Napi::Env env) {
  return DefineClass(env, "NativeIndex",
                     {
                         InstanceMethod<&IndexWrap::Ntotal>("ntotal"),
                         InstanceMethod<&IndexWrap::IsTrained>("isTrained"),
                         InstanceMethod<&IndexWrap::Nlist>("nlist"),
                         InstanceMethod<&IndexWrap::IsIvf>("isIvf"),
                         InstanceMethod<&IndexWrap::CodeSize>("codeSize"),
                         InstanceMethod<&IndexWrap::ListSizes>("listSizes"),
                         InstanceMethod<&IndexWrap::Centroids>("centroids"),
                         InstanceMethod<&IndexWrap::MemoryBytes>("memoryBytes"),
                         InstanceMethod<&IndexWrap::Train>("train"),
                         InstanceMethod<&IndexWrap::Add>("add"),
                         InstanceMethod<&IndexWrap::AddPreassigned>("addPreassigned"),
                         InstanceMethod<&IndexWrap::RemoveIds>("removeIds"),
                         InstanceMethod<&IndexWrap::Search>("search"),
                         InstanceMethod<&IndexWrap::Assign>("assign"),
                         InstanceMethod<&IndexWrap::AssignNow>("assignNow"),
                         InstanceMethod<&IndexWrap::SearchPreassigned>("searchPreassigned"),
                         InstanceMethod<&IndexWrap::SearchPreassignedNow>("searchPreassignedNow"),
                         InstanceMethod<&IndexWrap::SearchSubset>("searchSubset"),
                         InstanceMethod<&IndexWrap::SearchSubsetNow>("searchSubsetNow"),
                         InstanceMethod<&IndexWrap::ReconstructIds>("reconstructIds"),
                         InstanceMethod<&IndexWrap::ReconstructIdsNow>("reconstructIdsNow"),
                         InstanceMethod<&IndexWrap::Serialize>("serialize"),
                         InstanceMethod<&IndexWrap::ExportList>("exportList"),
                         InstanceMethod<&IndexWrap::ImportList>("importList"),
                         InstanceMethod<&IndexWrap::ToDevice>("toDevice"),
                         InstanceMethod<&IndexWrap::Device>("device"),
                     });
}

Napi::Object IndexWrap::Wrap(Napi::Env env, StatePtr state) {
  auto holder = Napi::External<StatePtr>::New(env, new StatePtr(std::move(state)),
                                              [](Napi::Env, StatePtr* p) { delete p; });
  return addon_data(env).index.New({holder});
}

IndexWrap::IndexWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<IndexWrap>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw type_error(info.Env(), "use createIndex() or deserialize() to make an index");
  }
  state_ = *info[0].As<Napi::External<StatePtr>>().Data();
  info.This().As<Napi::Object>().Set("dim", Napi::Number::New(info.Env(), state_->index->d));
}

size_t IndexWrap::rows(const Napi::Float32Array& x, const char* what) const {
  size_t d = state_->index->d;
  if (x.ElementLength() % d != 0) {
    throw Napi::RangeError::New(x.Env(), std::string(what) + " length " + std::to_string(x.ElementLength()) +
                                             " is not a multiple of the dimension " + std::to_string(d));
  }
  return x.ElementLength() / d;
}

size_t IndexWrap::list_arg(const Napi::CallbackInfo& info, size_t at) const {
  if (!state_->ivf) throw type_error(info.Env(), "inverted lists exist only in IVF indexes");
  return int_arg(info, at, "list", 0, static_cast<int>(state_->ivf->nlist) - 1);
}

Napi::Value IndexWrap::Ntotal(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(state_->index->ntotal));
}

Napi::Value IndexWrap::IsTrained(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), state_->index->is_trained);
}

Napi::Value IndexWrap::Nlist(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), state_->ivf ? static_cast<double>(state_->ivf->nlist) : 0);
}

Napi::Value IndexWrap::IsIvf(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), state_->ivf != nullptr);
}

Napi::Value IndexWrap::CodeSize(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), state_->ivf ? static_cast<double>(state_->ivf->code_size) : 0);
}

Napi::Value IndexWrap::ListSizes(const Napi::CallbackInfo& info) {
  size_t nlist = state_->ivf ? state_->ivf->nlist : 0;
  auto sizes = Napi::Float64Array::New(info.Env(), nlist);
  std::shared_lock guard(state_->lock);
  for (size_t i = 0; i < nlist; i++) sizes[i] = static_cast<double>(state_->ivf->invlists->list_size(i));
  return sizes;
}

// The coarse quantizer's centroids, nlist rows of d floats, as the quantizer
// stores them (so a caller assigning queries itself sees exactly FAISS's vectors).
Napi::Value IndexWrap::Centroids(const Napi::CallbackInfo& info) {
  if (!state_->ivf) throw Napi::Error::New(info.Env(), "centroids: not an IVF index");
  if (!state_->ivf->is_trained) throw Napi::Error::New(info.Env(), "centroids: the index is not trained");
  size_t nlist = state_->ivf->nlist;
  size_t d = state_->ivf->d;
  auto out = Napi::Float32Array::New(info.Env(), nlist * d);
  std::shared_lock guard(state_->lock);
  try {
    state_->ivf->quantizer->reconstruct_n(0, static_cast<idx_t>(nlist), out.Data());
  } catch (const std::exception& e) {
    throw Napi::Error::New(info.Env(), "centroids: " + readable(e));
  }
  return out;
}

Napi::Value IndexWrap::MemoryBytes(const Napi::CallbackInfo& info) {
  const faiss::Index& index = *state_->index;
  double bytes;
  if (state_->ivf) {
    double per_vector = static_cast<double>(state_->ivf->code_size + sizeof(idx_t));
    bytes = per_vector * static_cast<double>(index.ntotal) +
            static_cast<double>(state_->ivf->nlist) * index.d * sizeof(float);
  } else {
    bytes = static_cast<double>(index.ntotal) * (index.d * sizeof(float) + sizeof(idx_t));
  }
  return Napi::Number::New(info.Env(), bytes);
}

Napi::Value IndexWrap::Train(const Napi::CallbackInfo& info) {
  auto x = float_arg(info, 0, "training vectors");
  size_t n = rows(x, "training vectors");
  const float* xp = x.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] { train(*state, Rows(*state, xp, n, "training vectors")); });
  return worker->keep(x).start();
}

Napi::Value IndexWrap::Add(const Napi::CallbackInfo& info) {
  auto x = float_arg(info, 0, "vectors");
  auto ids = int64_arg(info, 1, "ids");
  size_t n = rows(x, "vectors");
  if (ids.ElementLength() != n) throw Napi::RangeError::New(info.Env(), "ids and vectors differ in count");
  const float* xp = x.Data();
  const idx_t* idp = ids.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] { add(*state, Rows(*state, xp, n, "vectors"), idp); });
  return worker->keep(x).keep(ids).start();
}

Napi::Value IndexWrap::AddPreassigned(const Napi::CallbackInfo& info) {
  auto x = float_arg(info, 0, "vectors");
  auto ids = int64_arg(info, 1, "ids");
  auto lists = int64_arg(info, 2, "lists");
  size_t n = rows(x, "vectors");
  if (ids.ElementLength() != n || lists.ElementLength() != n) {
    throw Napi::RangeError::New(info.Env(), "ids, lists and vectors differ in count");
  }
  const float* xp = x.Data();
  const idx_t* idp = ids.Data();
  const idx_t* lp = lists.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] {
    add_preassigned(*state, Rows(*state, xp, n, "vectors"), idp, lp);
  });
  return worker->keep(x).keep(ids).keep(lists).start();
}

Napi::Value IndexWrap::RemoveIds(const Napi::CallbackInfo& info) {
  auto ids = int64_arg(info, 0, "ids");
  const idx_t* idp = ids.Data();
  size_t n = ids.ElementLength();
  auto removed = std::make_shared<size_t>(0);
  StatePtr state = state_;
  auto* worker = new PromiseWorker(
      info.Env(), [=] { *removed = remove_ids(*state, idp, n); },
      [removed](Napi::Env env) { return Napi::Number::New(env, static_cast<double>(*removed)); });
  return worker->keep(ids).start();
}

Napi::Value IndexWrap::Search(const Napi::CallbackInfo& info) {
  auto q = float_arg(info, 0, "queries");
  size_t n = rows(q, "queries");
  int k = int_arg(info, 1, "k", 1, 1 << 20);
  int nprobe = int_arg(info, 2, "nprobe", 0, 1 << 24);
  float* dp;
  idx_t* lp;
  Napi::Object result = search_result(info.Env(), n * k, &dp, &lp);
  const float* qp = q.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] {
    if (n > 0) search(*state, Rows(*state, qp, n, "queries"), k, nprobe, dp, lp);
  });
  return worker->keep(q).resolve_with(result).start();
}

Napi::Value IndexWrap::Assign(const Napi::CallbackInfo& info) {
  auto q = float_arg(info, 0, "queries");
  size_t n = rows(q, "queries");
  int nprobe = int_arg(info, 1, "nprobe", 1, 1 << 24);
  auto distances = Napi::Float32Array::New(info.Env(), n * nprobe);
  auto lists = Int64Array::New(info.Env(), n * nprobe, napi_bigint64_array);
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("distances", distances);
  result.Set("lists", lists);
  float* dp = distances.Data();
  idx_t* lp = lists.Data();
  const float* qp = q.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] {
    if (n > 0) assign(*state, Rows(*state, qp, n, "queries"), nprobe, dp, lp);
  });
  return worker->keep(q).resolve_with(result).start();
}

// Assigns on the calling (JavaScript) thread, for batches so small that handing
// them to a libuv thread and back costs more than the assignment. Returns
// undefined, without waiting, when a writer holds the index.
Napi::Value IndexWrap::AssignNow(const Napi::CallbackInfo& info) {
  auto q = float_arg(info, 0, "queries");
  size_t n = rows(q, "queries");
  int nprobe = int_arg(info, 1, "nprobe", 1, 1 << 24);
  auto distances = Napi::Float32Array::New(info.Env(), n * nprobe);
  auto lists = Int64Array::New(info.Env(), n * nprobe, napi_bigint64_array);
  bool assigned = true;
  auto failure = run_catching([&] {
    if (n > 0) assigned = try_assign(*state_, Rows(*state_, q.Data(), n, "queries"), nprobe, distances.Data(), lists.Data());
  });
  if (failure) throw_failure(info.Env(), *failure);
  if (!assigned) return info.Env().Undefined();
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("distances", distances);
  result.Set("lists", lists);
  return result;
}

PreassignedArgs IndexWrap::preassigned_args(const Napi::CallbackInfo& info, size_t filter_at) const {
  auto q = float_arg(info, 0, "queries");
  size_t n = rows(q, "queries");
  int k = int_arg(info, 1, "k", 1, 1 << 20);
  int nprobe = int_arg(info, 2, "nprobe", 1, 1 << 24);
  auto lists = int64_arg(info, 3, "lists");
  auto centroid = float_arg(info, 4, "centroid distances");
  if (lists.ElementLength() != n * nprobe || centroid.ElementLength() != n * nprobe) {
    throw Napi::RangeError::New(info.Env(), "lists and centroid distances need nprobe entries per query");
  }
  return {q, n, k, nprobe, lists, centroid, FilterWrap::From(info[filter_at])};
}

Napi::Value IndexWrap::SearchPreassigned(const Napi::CallbackInfo& info) {
  const PreassignedArgs args = preassigned_args(info, 5);
  const size_t n = args.n;
  const int k = args.k;
  const int nprobe = args.nprobe;
  float* dp;
  idx_t* lp;
  Napi::Object result = search_result(info.Env(), n * k, &dp, &lp);
  const float* qp = args.queries.Data();
  const idx_t* listp = args.lists.Data();
  const float* cp = args.centroid_distances.Data();
  StatePtr state = state_;
  FilterPtr filter = args.filter;  // the worker's own reference: a dispose() meanwhile cannot free it
  auto* worker = new PromiseWorker(info.Env(), [=] {
    if (n > 0) {
      search_preassigned(*state, Rows(*state, qp, n, "queries"), k, nprobe, listp, cp, dp, lp, filter.get());
    }
  });
  return worker->keep(args.queries).keep(args.lists).keep(args.centroid_distances).resolve_with(result).start();
}

// Searches on the calling (JavaScript) thread when the given lists hold at most
// max_bytes of codes: a scan that short costs less than handing it to a libuv
// thread and back. Returns undefined, having done nothing, otherwise.
Napi::Value IndexWrap::SearchPreassignedNow(const Napi::CallbackInfo& info) {
  const PreassignedArgs args = preassigned_args(info, 6);
  int max_bytes = int_arg(info, 5, "max bytes", 0, 1 << 30);
  float* dp;
  idx_t* lp;
  Napi::Object result = search_result(info.Env(), args.n * args.k, &dp, &lp);
  bool searched = true;
  auto failure = run_catching([&] {
    if (args.n > 0) {
      searched = try_search_preassigned(*state_, Rows(*state_, args.queries.Data(), args.n, "queries"), args.k,
                                        args.nprobe, args.lists.Data(), args.centroid_distances.Data(), dp, lp,
                                        static_cast<size_t>(max_bytes), args.filter.get());
    }
  });
  if (failure) throw_failure(info.Env(), *failure);
  return searched ? Napi::Value(result) : info.Env().Undefined();
}

SubsetArgs IndexWrap::subset_args(const Napi::CallbackInfo& info) const {
  auto q = float_arg(info, 0, "queries");
  size_t n = rows(q, "queries");
  int k = int_arg(info, 1, "k", 1, 1 << 20);
  return {q, n, k, int64_arg(info, 2, "ids")};
}

Napi::Value IndexWrap::SearchSubset(const Napi::CallbackInfo& info) {
  const SubsetArgs args = subset_args(info);
  const size_t n = args.n;
  const int k = args.k;
  float* dp;
  idx_t* lp;
  Napi::Object result = search_result(info.Env(), n * k, &dp, &lp);
  const float* qp = args.queries.Data();
  const idx_t* idp = args.ids.Data();
  const size_t n_ids = args.ids.ElementLength();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] {
    if (n > 0) search_subset(*state, Rows(*state, qp, n, "queries"), k, idp, n_ids, dp, lp);
  });
  return worker->keep(args.queries).keep(args.ids).resolve_with(result).start();
}

// Searches the subset on the calling (JavaScript) thread, for small work (the
// caller bounds it): handing a scan of a few thousand vectors to a libuv
// thread and waking the caller again costs more than the scan. Returns
// undefined, having done nothing, while a writer holds the index.
Napi::Value IndexWrap::SearchSubsetNow(const Napi::CallbackInfo& info) {
  const SubsetArgs args = subset_args(info);
  float* dp;
  idx_t* lp;
  Napi::Object result = search_result(info.Env(), args.n * args.k, &dp, &lp);
  bool searched = true;
  auto failure = run_catching([&] {
    if (args.n > 0) {
      searched = try_search_subset(*state_, Rows(*state_, args.queries.Data(), args.n, "queries"), args.k,
                                   args.ids.Data(), args.ids.ElementLength(), dp, lp);
    }
  });
  if (failure) throw_failure(info.Env(), *failure);
  return searched ? Napi::Value(result) : info.Env().Undefined();
}

namespace {

// { found: Uint8Array(n), vectors: Float32Array(n * d) }, zero-filled.
Napi::Object reconstruct_result(Napi::Env env, size_t n, size_t d, uint8_t** found, float** vectors) {
  auto f = Napi::Uint8Array::New(env, n);
  auto v = Napi::Float32Array::New(env, n * d);
  *found = f.Data();
  *vectors = v.Data();
  Napi::Object result = Napi::Object::New(env);
  result.Set("found", f);
  result.Set("vectors", v);
  return result;
}

}  // namespace

Napi::Value IndexWrap::ReconstructIds(const Napi::CallbackInfo& info) {
  auto ids = int64_arg(info, 0, "ids");
  const size_t n = ids.ElementLength();
  uint8_t* fp;
  float* vp;
  Napi::Object result = reconstruct_result(info.Env(), n, state_->index->d, &fp, &vp);
  const idx_t* idp = ids.Data();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] { reconstruct_ids(*state, idp, n, fp, vp); });
  return worker->keep(ids).resolve_with(result).start();
}

// Reconstructs on the calling (JavaScript) thread, for a few ids; returns
// undefined, without waiting, when a writer holds the index.
Napi::Value IndexWrap::ReconstructIdsNow(const Napi::CallbackInfo& info) {
  auto ids = int64_arg(info, 0, "ids");
  const size_t n = ids.ElementLength();
  uint8_t* fp;
  float* vp;
  Napi::Object result = reconstruct_result(info.Env(), n, state_->index->d, &fp, &vp);
  bool done = false;
  auto failure = run_catching([&] { done = try_reconstruct_ids(*state_, ids.Data(), n, fp, vp); });
  if (failure) throw_failure(info.Env(), *failure);
  return done ? Napi::Value(result) : info.Env().Undefined();
}

Napi::Value IndexWrap::Serialize(const Napi::CallbackInfo& info) {
  auto bytes = std::make_shared<std::unique_ptr<std::vector<uint8_t>>>();
  StatePtr state = state_;
  auto* worker = new PromiseWorker(
      info.Env(),
      [=] {
        std::shared_lock guard(state->lock);
        *bytes = write_index(*state);
      },
      [bytes](Napi::Env env) -> Napi::Value {
        // Hand the serialised bytes to JS without copying: the Buffer owns the vector.
        std::vector<uint8_t>* data = bytes->release();
        return Napi::Buffer<uint8_t>::New(env, data->data(), data->size(),
                                          [](Napi::Env, uint8_t*, std::vector<uint8_t>* owned) { delete owned; },
                                          data);
      });
  return worker->start();
}

Napi::Value IndexWrap::ExportList(const Napi::CallbackInfo& info) {
  size_t list = list_arg(info, 0);
  const faiss::IndexIVF& ivf = *state_->ivf;
  std::shared_lock guard(state_->lock);
  size_t n = ivf.invlists->list_size(list);
  auto ids = Int64Array::New(info.Env(), n, napi_bigint64_array);
  auto codes = Napi::Uint8Array::New(info.Env(), n * ivf.code_size);
  if (n > 0) {
    faiss::InvertedLists::ScopedIds list_ids(ivf.invlists, list);
    faiss::InvertedLists::ScopedCodes list_codes(ivf.invlists, list);
    std::memcpy(ids.Data(), list_ids.get(), n * sizeof(idx_t));
    std::memcpy(codes.Data(), list_codes.get(), n * ivf.code_size);
  }
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("ids", ids);
  result.Set("codes", codes);
  return result;
}

Napi::Value IndexWrap::ImportList(const Napi::CallbackInfo& info) {
  size_t list = list_arg(info, 0);
  auto ids = int64_arg(info, 1, "ids");
  auto codes = bytes_arg(info, 2, "codes");
  faiss::IndexIVF& ivf = *state_->ivf;
  size_t n = ids.ElementLength();
  if (codes.ElementLength() != n * ivf.code_size) {
    throw Napi::RangeError::New(info.Env(), "codes must hold codeSize bytes per id");
  }
  import_list(*state_, list, ids.Data(), codes.Data(), n);
  return info.Env().Undefined();
}

Napi::Value IndexWrap::ToDevice(const Napi::CallbackInfo& info) {
  int device = int_arg(info, 0, "device", 0, 1 << 16);
  if (!info[1].IsNumber()) throw type_error(info.Env(), "temporary memory must be a number of bytes");
  double temp = info[1].As<Napi::Number>().DoubleValue();
  if (temp < 0) throw Napi::RangeError::New(info.Env(), "temporary memory must not be negative");
  StatePtr state = state_;
  auto* worker = new PromiseWorker(info.Env(), [=] { to_device(*state, device, static_cast<size_t>(temp)); });
  return worker->start();
}

Napi::Value IndexWrap::Device(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), state_->device ? "cuda" : "cpu");
}

}  // namespace vecshard
