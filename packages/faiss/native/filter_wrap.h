// The JS object behind IdFilter: owns one IdFilter (id_filter.h) until it is
// disposed of or collected. Searches take their own reference to the filter,
// so disposing of it while they run is safe.
#pragma once

#include <napi.h>

#include "id_filter.h"

namespace vecshard {

class FilterWrap : public Napi::ObjectWrap<FilterWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  // createIdFilter(ids: BigInt64Array, exclude: boolean): builds the set on the calling thread.
  static Napi::Value Create(const Napi::CallbackInfo& info);
  // createIdFilterAsync(ids, exclude): the same, built on a libuv thread; resolves to the filter.
  static Napi::Value CreateAsync(const Napi::CallbackInfo& info);
  // The filter of a JS value passed as a search's filter argument: null for
  // undefined; TypeError for anything but a live filter of this addon.
  static FilterPtr From(const Napi::Value& value);

  explicit FilterWrap(const Napi::CallbackInfo& info);
  void Finalize(Napi::Env env) override;

 private:
  static Napi::Object Wrap(Napi::Env env, FilterPtr filter);

  Napi::Value Size(const Napi::CallbackInfo& info);
  Napi::Value Kind(const Napi::CallbackInfo& info);
  Napi::Value MemoryBytes(const Napi::CallbackInfo& info);
  Napi::Value Dispose(const Napi::CallbackInfo& info);
  Napi::Value Disposed(const Napi::CallbackInfo& info);

  void release(Napi::Env env);

  FilterPtr filter_;
  int64_t accounted_ = 0;  // bytes reported to V8 as external memory
};

}  // namespace vecshard
