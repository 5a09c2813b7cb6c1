#include "promise_worker.h"

#include <omp.h>

#include <atomic>

#include "device_ops.h"
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
  } catch (const DeviceMemoryError& e) {
    code_ = "ERR_DEVICE_MEMORY";
    SetError(e.what());
  } catch (const std::invalid_argument& e) {
    code_ = "ERR_INVALID_ARGUMENT";
    SetError(readable(e));
  } catch (const std::out_of_range& e) {
    code_ = "ERR_INVALID_ARGUMENT";
    SetError(readable(e));
  } catch (const std::logic_error& e) {
    code_ = "ERR_FAILED_PRECONDITION";
    SetError(readable(e));
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

void PromiseWorker::OnError(const Napi::Error& error) {
  Napi::Value value = error.Value();
  if (value.IsObject()) value.As<Napi::Object>().Set("code", code_);
  deferred_.Reject(value);
}

}  // namespace vecshard
