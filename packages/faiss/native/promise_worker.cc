#include "promise_worker.h"

#include <omp.h>

#include <atomic>

#include "faiss_errors.h"

namespace vecshard {

std::atomic<int> thread_count{0};

void apply_thread_count() {
  int n = thread_count.load();
  if (n > 0) omp_set_num_threads(n);
}

void PromiseWorker::Execute() {
  apply_thread_count();
  if (auto failure = run_catching(work_)) {
    code_ = failure->code;
    SetError(failure->message);
  }
}

void PromiseWorker::OnOK() {
  try {
    if (result_) {
      deferred_.Resolve(result_(Env()));
    } else if (!resolved_.IsEmpty()) {
      deferred_.Resolve(resolved_.Value());
    } else {
      deferred_.Resolve(Env().Undefined());
    }
  } catch (const Napi::Error& e) {
    deferred_.Reject(e.Value());
  }
}

void PromiseWorker::OnError(const Napi::Error& error) {
  Napi::Value value = error.Value();
  if (value.IsObject()) value.As<Napi::Object>().Set("code", code_);
  deferred_.Reject(value);
}

}  // namespace vecshard
