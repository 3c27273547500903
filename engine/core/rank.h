#pragma once
// Ranks a million keys in a few milliseconds: a stable least-significant-digit
// radix sort of the keys' IEEE bit patterns (four passes of 16 bits). The
// previews re-rank every user on each slider move, where std::sort of a
// million indices by key (about 80 ms) would be the whole time budget.

#include <Eigen/Dense>

#include <vector>

namespace cwb::engine {

// Row indices ordered by key, largest first; equal keys keep their row order,
// so the ranking is deterministic. NaN keys come last.
std::vector<Eigen::Index> rankDescending(const Eigen::VectorXd& key);

} // namespace cwb::engine
