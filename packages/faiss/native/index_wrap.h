// The JS object behind FaissIndex: argument checking and marshalling only;
// the FAISS work itself is in faiss_ops.cc.
#pragma once

#include <napi.h>

#include "faiss_ops.h"
#include "id_filter.h"

namespace vecshard {

// The arguments searchPreassigned and searchPreassignedNow share, checked.
struct PreassignedArgs {
  Napi::Float32Array queries;
  size_t n;
  int k;
  int nprobe;
  Napi::TypedArrayOf<int64_t> lists;
  Napi::Float32Array centroid_distances;
  FilterPtr filter;  // null when the search is not filtered
};

// searchSubset's arguments, checked: the queries, k and the ids.
struct SubsetArgs {
  Napi::Float32Array queries;
  size_t n;
  int k;
  Napi::TypedArrayOf<int64_t> ids;
};

class IndexWrap : public Napi::ObjectWrap<IndexWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  static Napi::Object Wrap(Napi::Env env, StatePtr state);

  explicit IndexWrap(const Napi::CallbackInfo& info);

 private:
  Napi::Value Ntotal(const Napi::CallbackInfo& info);
  Napi::Value IsTrained(const Napi::CallbackInfo& info);
  Napi::Value Nlist(const Napi::CallbackInfo& info);
  Napi::Value IsIvf(const Napi::CallbackInfo& info);
  Napi::Value CodeSize(const Napi::CallbackInfo& info);
  Napi::Value ListSizes(const Napi::CallbackInfo& info);
  Napi::Value Centroids(const Napi::CallbackInfo& info);
  Napi::Value MemoryBytes(const Napi::CallbackInfo& info);
  Napi::Value Train(const Napi::CallbackInfo& info);
  Napi::Value Add(const Napi::CallbackInfo& info);
  Napi::Value AddPreassigned(const Napi::CallbackInfo& info);
  Napi::Value RemoveIds(const Napi::CallbackInfo& info);
  Napi::Value Search(const Napi::CallbackInfo& info);
  Napi::Value Assign(const Napi::CallbackInfo& info);
  Napi::Value AssignNow(const Napi::CallbackInfo& info);
  Napi::Value SearchPreassigned(const Napi::CallbackInfo& info);
  Napi::Value SearchPreassignedNow(const Napi::CallbackInfo& info);
  Napi::Value SearchSubset(const Napi::CallbackInfo& info);
  Napi::Value SearchSubsetNow(const Napi::CallbackInfo& info);
  Napi::Value ReconstructIds(const Napi::CallbackInfo& info);
  Napi::Value ReconstructIdsNow(const Napi::CallbackInfo& info);
  Napi::Value Serialize(const Napi::CallbackInfo& info);
  Napi::Value ExportList(const Napi::CallbackInfo& info);
  Napi::Value ImportList(const Napi::CallbackInfo& info);
  Napi::Value ToDevice(const Napi::CallbackInfo& info);
  Napi::Value Device(const Napi::CallbackInfo& info);

  size_t rows(const Napi::Float32Array& x, const char* what) const;
  size_t list_arg(const Napi::CallbackInfo& info, size_t at) const;
  // filter_at: the argument position of the optional filter.
  PreassignedArgs preassigned_args(const Napi::CallbackInfo& info, size_t filter_at) const;
  SubsetArgs subset_args(const Napi::CallbackInfo& info) const;

  StatePtr state_;
};

}  // namespace vecshard
