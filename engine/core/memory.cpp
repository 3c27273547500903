#include "core/memory.h"

#include <cstdlib>   // defines __GLIBC__ on the GNU C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cwb::engine {

void keepLargeBlocksForReuse()
{
#if defined(__GLIBC__)
    // Blocks up to 256 MB come from the heap instead of their own mapping, and the heap's
    // free top is handed back to the system only beyond 512 MB.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

} // namespace cwb::engine
