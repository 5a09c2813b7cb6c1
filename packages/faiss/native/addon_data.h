// Per-addon (per-environment) data: the constructors of the classes the addon
// defines. Each addon build (generic, avx2) has its own, so an object made by
// one build is never mistaken for one of the other's (their FAISS differ).
#pragma once

#include <napi.h>

namespace vecshard {

struct AddonData {
  Napi::FunctionReference index;   // IndexWrap
  Napi::FunctionReference filter;  // FilterWrap
};

inline AddonData& addon_data(Napi::Env env) { return *env.GetInstanceData<AddonData>(); }

}  // namespace vecshard
