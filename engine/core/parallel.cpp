#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace cwb::engine {

int defaultThreads()
{
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(std::min(n, 64u));
}

void parallelFor(std::int64_t n, std::int64_t chunkSize,
                 const std::function<void(std::int64_t, std::int64_t, std::int64_t)>& fn, int threads)
{
    if (n <= 0) return;
    chunkSize = std::max<std::int64_t>(1, chunkSize);
    const std::int64_t chunks = chunkCount(n, chunkSize);
    if (threads <= 0) threads = defaultThreads();
    threads = static_cast<int>(std::min<std::int64_t>(threads, chunks));
    std::atomic<std::int64_t> next{0};
    auto work = [&] {
        for (std::int64_t c = next++; c < chunks; c = next++) {
            const std::int64_t begin = c * chunkSize;
            fn(begin, std::min(n, begin + chunkSize), c);
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (std::thread& h : helpers) h.join();
}

} // namespace cwb::engine
