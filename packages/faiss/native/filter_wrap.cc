#include "filter_wrap.h"

#include <memory>
#include <string>

#include "addon_data.h"
#include "faiss_errors.h"
#include "promise_worker.h"

namespace vecshard {

Napi::Function FilterWrap::Define(Napi::Env env) {
  return DefineClass(env, "NativeIdFilter",
                     {
                         InstanceMethod<&FilterWrap::Size>("size"),
                         InstanceMethod<&FilterWrap::Kind>("kind"),
                         InstanceMethod<&FilterWrap::MemoryBytes>("memoryBytes"),
                         InstanceMethod<&FilterWrap::Dispose>("dispose"),
                         InstanceMethod<&FilterWrap::Disposed>("disposed"),
                     });
}

namespace {

struct FilterArgs {
  Napi::TypedArrayOf<int64_t> ids;
  bool exclude;
};

FilterArgs filter_args(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Value ids = info[0];
  if (!ids.IsTypedArray() || ids.As<Napi::TypedArray>().TypedArrayType() != napi_bigint64_array) {
    throw Napi::TypeError::New(env, "ids must be a BigInt64Array");
  }
  if (!info[1].IsBoolean()) throw Napi::TypeError::New(env, "exclude must be a boolean");
  return {ids.As<Napi::TypedArrayOf<int64_t>>(), info[1].As<Napi::Boolean>().Value()};
}

}  // namespace

Napi::Object FilterWrap::Wrap(Napi::Env env, FilterPtr filter) {
  auto holder = Napi::External<FilterPtr>::New(env, new FilterPtr(std::move(filter)),
                                               [](Napi::Env, FilterPtr* p) { delete p; });
  return addon_data(env).filter.New({holder});
}

Napi::Value FilterWrap::Create(const Napi::CallbackInfo& info) {
  const FilterArgs args = filter_args(info);
  FilterPtr filter;
  // Building the set allocates: a bad_alloc becomes a JS error, not an abort.
  auto failure = run_catching(
      [&] { filter = std::make_shared<const IdFilter>(args.ids.Data(), args.ids.ElementLength(), args.exclude); });
  if (failure) {
    Napi::Error error = Napi::Error::New(info.Env(), failure->message);
    error.Set("code", Napi::String::New(info.Env(), failure->code));
    throw error;
  }
  return Wrap(info.Env(), std::move(filter));
}

Napi::Value FilterWrap::CreateAsync(const Napi::CallbackInfo& info) {
  const FilterArgs args = filter_args(info);
  const idx_t* ids = args.ids.Data();
  const size_t n = args.ids.ElementLength();
  const bool exclude = args.exclude;
  auto filter = std::make_shared<FilterPtr>();
  auto* worker = new PromiseWorker(
      info.Env(), [=] { *filter = std::make_shared<const IdFilter>(ids, n, exclude); },
      [filter](Napi::Env env) -> Napi::Value { return Wrap(env, std::move(*filter)); });
  return worker->keep(args.ids).start();
}

FilterPtr FilterWrap::From(const Napi::Value& value) {
  Napi::Env env = value.Env();
  if (value.IsUndefined() || value.IsNull()) return nullptr;
  if (!value.IsObject() || !value.As<Napi::Object>().InstanceOf(addon_data(env).filter.Value())) {
    throw Napi::TypeError::New(env, "filter must be an IdFilter made by this FAISS build's addon");
  }
  FilterWrap* wrap = Unwrap(value.As<Napi::Object>());
  if (!wrap->filter_) throw Napi::TypeError::New(env, "the IdFilter has been disposed of");
  return wrap->filter_;
}

FilterWrap::FilterWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<FilterWrap>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(info.Env(), "use createIdFilter() to make an id filter");
  }
  filter_ = *info[0].As<Napi::External<FilterPtr>>().Data();
  accounted_ = static_cast<int64_t>(filter_->memory_bytes());
  Napi::MemoryManagement::AdjustExternalMemory(info.Env(), accounted_);
}

void FilterWrap::Finalize(Napi::Env env) { release(env); }

// Drops this object's reference; a search still running keeps the filter alive until it ends.
void FilterWrap::release(Napi::Env env) {
  if (!filter_) return;
  filter_.reset();
  Napi::MemoryManagement::AdjustExternalMemory(env, -accounted_);
  accounted_ = 0;
}

Napi::Value FilterWrap::Size(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), filter_ ? static_cast<double>(filter_->distinct()) : 0);
}

Napi::Value FilterWrap::Kind(const Napi::CallbackInfo& info) {
  if (!filter_) return info.Env().Undefined();
  return Napi::String::New(info.Env(), filter_->bitmap() ? "bitmap" : "hash");
}

Napi::Value FilterWrap::MemoryBytes(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(accounted_));
}

Napi::Value FilterWrap::Dispose(const Napi::CallbackInfo& info) {
  release(info.Env());
  return info.Env().Undefined();
}

Napi::Value FilterWrap::Disposed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), !filter_);
}

}  // namespace vecshard
