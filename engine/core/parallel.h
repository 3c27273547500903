#pragma once
// A parallel for-loop whose work split does not depend on the number of
// threads: [0, n) is cut into fixed chunks, and per-chunk results combined
// in chunk order give the same answer however many threads ran them. That
// keeps multi-threaded fits deterministic by seed.

#include <cstdint>
#include <functional>

namespace cwb::engine {

// Threads to use by default: the machine's cores (at least 1).
int defaultThreads();

// Calls fn(begin, end, chunk) for chunk = 0, 1, ... covering [0, n) in
// pieces of `chunkSize` (the last may be shorter), on up to `threads`
// threads. Returns once every chunk is done. fn must not throw.
void parallelFor(std::int64_t n, std::int64_t chunkSize,
                 const std::function<void(std::int64_t begin, std::int64_t end, std::int64_t chunk)>& fn,
                 int threads = 0);

inline std::int64_t chunkCount(std::int64_t n, std::int64_t chunkSize) { return (n + chunkSize - 1) / chunkSize; }

} // namespace cwb::engine
