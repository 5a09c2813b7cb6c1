// How a FAISS failure reaches JavaScript: an error `code` the TypeScript layer
// maps to a gRPC status, and a message without FAISS's file/line prefix.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace vecshard {

struct FaissFailure {
  const char* code;
  std::string message;
};

// Runs `work`, turning any exception into a failure: nothing may escape into
// N-API from a libuv thread, and the synchronous calls report the same codes.
std::optional<FaissFailure> run_catching(const std::function<void()>& work);

}  // namespace vecshard
