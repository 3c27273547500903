#pragma once
// The C library's allocator returns every freed block of more than a few
// megabytes to the operating system, so the next allocation of the same size
// faults in every page afresh: about 4 ms per 8 MB here. A preview of a
// million users allocates a dozen such vectors on every slider move, which
// made the page faults a fifth of its time. Programs call this once at start:
// large blocks are then kept for reuse (up to 512 MB of freed memory stays
// mapped; it is released when the process ends or the heap shrinks below it).

namespace cwb::engine {

void keepLargeBlocksForReuse();

} // namespace cwb::engine
