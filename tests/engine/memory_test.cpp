// keepLargeBlocksForReuse: a vector of a million doubles allocated again after
// being freed reuses the pages it had, instead of faulting in new ones.
#include "core/memory.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <vector>

namespace {

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)   // a sanitizer's allocator is not glibc's
long minorFaults()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_minflt;
}

// Page faults per round of allocating, touching and freeing three 8 MB vectors.
long faultsPerRound()
{
    constexpr int rounds = 10;
    double sink = 0;
    const long before = minorFaults();
    for (int k = 0; k < rounds; ++k) {
        std::vector<double> a(1000000, 1.0), b(1000000, 2.0), c(1000000, 3.0);
        sink += a[k] + b[k] + c[k];
    }
    EXPECT_EQ(sink, 60.0);
    return (minorFaults() - before) / rounds;
}
#endif

TEST(Memory, LargeBlocksAreReusedInsteadOfFaultedInAgain)
{
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    cwb::engine::keepLargeBlocksForReuse();
    (void)faultsPerRound();   // the first round maps the pages
    // Touching 24 MB of fresh memory is about 6,000 faults of 4 KB pages; reused, next to none.
    EXPECT_LT(faultsPerRound(), 600);
#else
    GTEST_SKIP() << "tuning for the GNU C library's own allocator";
#endif
}

} // namespace
