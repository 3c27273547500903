#include "core/rank.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace cwb::engine {

namespace {

// Counts per digit turned into where each digit's first item goes (an exclusive prefix sum).
template <class Counts>
void toOffsets(Counts& counts)
{
    typename Counts::value_type sum = 0;
    for (auto& c : counts) {
        const auto here = c;
        c = sum;
        sum += here;
    }
}

} // namespace

std::vector<Eigen::Index> rankDescending(const Eigen::VectorXd& key)
{
    const std::size_t n = static_cast<std::size_t>(key.size());
    // Map each double to an unsigned integer whose ascending order is the
    // keys' descending order: flip so that larger doubles give smaller codes.
    std::vector<std::uint64_t> code(n), codeTmp(n);
    std::vector<Eigen::Index> order(n), orderTmp(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double k = key[static_cast<Eigen::Index>(i)];
        std::uint64_t bits;
        if (std::isnan(k)) {
            bits = ~std::uint64_t{0};   // last
        } else {
            const std::uint64_t raw = std::bit_cast<std::uint64_t>(k == 0.0 ? 0.0 : k);   // -0 ranks with +0
            // Ascending-order code of the double, then inverted for descending order.
            const std::uint64_t asc = (raw >> 63) ? ~raw : raw | (std::uint64_t{1} << 63);
            bits = ~asc;   // never all ones: only a NaN pattern maps to asc == 0
        }
        code[i] = bits;
        order[i] = static_cast<Eigen::Index>(i);
    }
    std::vector<std::size_t> count(1u << 16);
    for (int pass = 0; pass < 4; ++pass) {
        const int shift = 16 * pass;
        std::fill(count.begin(), count.end(), 0);
        for (std::size_t i = 0; i < n; ++i) ++count[(code[i] >> shift) & 0xFFFF];
        // Skip a pass whose digit is the same for every key.
        if (n > 0 && count[(code[0] >> shift) & 0xFFFF] == n) continue;
        toOffsets(count);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t at = count[(code[i] >> shift) & 0xFFFF]++;
            codeTmp[at] = code[i];
            orderTmp[at] = order[i];
        }
        code.swap(codeTmp);
        order.swap(orderTmp);
    }
    return order;
}

std::vector<Eigen::Index> rankDescendingSingle(const Eigen::VectorXd& key)
{
    const std::size_t n = static_cast<std::size_t>(key.size());
    if (n > std::size_t{0xFFFFFFFFu}) return rankDescending(key);
    std::vector<std::uint64_t> item(n), itemTmp(n);
    std::array<std::array<std::uint32_t, 256>, 4> count{};
    for (std::size_t i = 0; i < n; ++i) {
        const float k = static_cast<float>(key[static_cast<Eigen::Index>(i)]);
        std::uint32_t bits;
        if (std::isnan(k)) {
            bits = ~std::uint32_t{0};
        } else {
            const std::uint32_t raw = std::bit_cast<std::uint32_t>(k == 0.0f ? 0.0f : k);
            const std::uint32_t asc = (raw >> 31) ? ~raw : raw | (std::uint32_t{1} << 31);
            bits = ~asc;
        }
        item[i] = (std::uint64_t{bits} << 32) | i;
        for (std::size_t p = 0; p < 4; ++p) ++count[p][(bits >> (8 * p)) & 0xFF];
    }
    for (std::size_t p = 0; p < 4; ++p) {
        const int shift = 32 + 8 * static_cast<int>(p);
        std::array<std::uint32_t, 256>& c = count[p];
        if (n > 0 && c[(item[0] >> shift) & 0xFF] == n) continue;   // the same digit everywhere
        toOffsets(c);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t v = item[i];
            itemTmp[c[(v >> shift) & 0xFF]++] = v;
        }
        item.swap(itemTmp);
    }
    std::vector<Eigen::Index> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<Eigen::Index>(item[i] & 0xFFFFFFFFu);
    return order;
}

} // namespace cwb::engine
