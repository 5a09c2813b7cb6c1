#include "faiss_errors.h"

#include <stdexcept>

#include "device_ops.h"
#include "faiss_ops.h"

namespace vecshard {

std::optional<FaissFailure> run_catching(const std::function<void()>& work) {
  try {
    work();
    return std::nullopt;
  } catch (const DeviceMemoryError& e) {
    return FaissFailure{"ERR_DEVICE_MEMORY", e.what()};
  } catch (const std::invalid_argument& e) {
    return FaissFailure{"ERR_INVALID_ARGUMENT", readable(e)};
  } catch (const std::out_of_range& e) {
    return FaissFailure{"ERR_INVALID_ARGUMENT", readable(e)};
  } catch (const std::logic_error& e) {
    return FaissFailure{"ERR_FAILED_PRECONDITION", readable(e)};
  } catch (const std::exception& e) {
    return FaissFailure{"ERR_FAISS", readable(e)};
  } catch (...) {
    return FaissFailure{"ERR_FAISS", "FAISS failed with an unknown error"};
  }
}

}  // namespace vecshard
