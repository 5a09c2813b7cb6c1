#include "promise_worker.h"

#include <omp.h>

#include <atomic>

#include "faiss_ops.h"

namespace vecshard {

std::atomic<int> thread_count{0};

void apply_thread_count() {
  int n = thread_count.load();
  if (n > 0) omp_set_num_threads(n);
}

void PromiseWorker::Execute() {
  apply_thread_count();
  try {
    work_();
  } catch (const std::exception& e) {
    SetError(readable(e));
  } catch (...) {
    SetError("FAISS failed with an unknown error");
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

}  // namespace vecshard
