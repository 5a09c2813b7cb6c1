// Runs one FAISS call on a libuv worker thread and settles a promise with it.
// Inputs are typed arrays read in place: the worker holds references to them
// so they outlive the call. No exception may leave Execute (it would abort the
// process), so every one becomes a rejection.
#pragma once

#include <napi.h>

#include <functional>
#include <utility>
#include <vector>

namespace vecshard {

// Threads FAISS may use per call; omp_set_num_threads is per thread, so each
// worker re-applies it before calling FAISS.
void apply_thread_count();

class PromiseWorker : public Napi::AsyncWorker {
 public:
  using Work = std::function<void()>;
  using Result = std::function<Napi::Value(Napi::Env)>;

  PromiseWorker(Napi::Env env, Work work, Result result = nullptr)
      : Napi::AsyncWorker(env, "vecshard:faiss"),
        deferred_(Napi::Promise::Deferred::New(env)),
        work_(std::move(work)),
        result_(std::move(result)) {}

  // Keeps a JS value (an input or output array) alive until the promise settles.
  PromiseWorker& keep(const Napi::Value& value) {
    kept_.push_back(Napi::Persistent(value));
    return *this;
  }

  // Resolves with this value (typically an object holding the output arrays).
  PromiseWorker& resolve_with(const Napi::Value& value) {
    resolved_ = Napi::Persistent(value);
    return *this;
  }

  Napi::Promise start() {
    Napi::Promise promise = deferred_.Promise();
    Queue();
    return promise;
  }

 protected:
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& error) override;

 private:
  Napi::Promise::Deferred deferred_;
  Work work_;
  Result result_;
  std::vector<Napi::Reference<Napi::Value>> kept_;
  Napi::Reference<Napi::Value> resolved_;
  const char* code_ = "ERR_FAISS";  // the JS error's `code`, so callers can map it to a status
};

}  // namespace vecshard
