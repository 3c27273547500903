#include "metrics/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace cwb::engine {

double rocAuc(const Eigen::VectorXd& score, const Eigen::VectorXd& y)
{
    const Eigen::Index n = score.size();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return score[a] < score[b]; });
    double rankSumPos = 0, positives = 0;
    for (Eigen::Index i = 0; i < n;) {
        Eigen::Index j = i;
        while (j + 1 < n && score[order[static_cast<std::size_t>(j + 1)]] == score[order[static_cast<std::size_t>(i)]]) ++j;
        const double rank = 0.5 * double(i + j) + 1.0;   // average rank of the tie group
        for (Eigen::Index t = i; t <= j; ++t)
            if (y[order[static_cast<std::size_t>(t)]] > 0.5) {
                rankSumPos += rank;
                positives += 1;
            }
        i = j + 1;
    }
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0) return std::numeric_limits<double>::quiet_NaN();
    return (rankSumPos - positives * (positives + 1) / 2.0) / (positives * negatives);
}

std::vector<RocPoint> rocCurve(const Eigen::VectorXd& score, const Eigen::VectorXd& y, std::size_t maxPoints)
{
    const Eigen::Index n = score.size();
    const double positives = (y.array() > 0.5).cast<double>().sum(), negatives = double(n) - positives;
    if (positives == 0 || negatives == 0) return {};
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return score[a] > score[b]; });
    std::vector<RocPoint> all{{0, 0}};
    double tp = 0, fp = 0;
    for (Eigen::Index i = 0; i < n;) {
        // A group of equal scores moves the curve in one step (a diagonal when it mixes classes).
        Eigen::Index j = i;
        while (j < n && score[order[static_cast<std::size_t>(j)]] == score[order[static_cast<std::size_t>(i)]]) {
            (y[order[static_cast<std::size_t>(j)]] > 0.5 ? tp : fp) += 1;
            ++j;
        }
        all.push_back({fp / negatives, tp / positives});
        i = j;
    }
    if (all.size() <= maxPoints || maxPoints < 2) return all;
    // Thin evenly by rank, keeping the first and last points.
    std::vector<RocPoint> out;
    out.reserve(maxPoints);
    const double step = double(all.size() - 1) / double(maxPoints - 1);
    for (std::size_t k = 0; k < maxPoints; ++k) out.push_back(all[std::min(all.size() - 1, std::size_t(std::llround(double(k) * step)))]);
    return out;
}

double logLoss(const Eigen::VectorXd& p, const Eigen::VectorXd& y)
{
    constexpr double kEps = std::numeric_limits<double>::epsilon();
    double sum = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i) {
        const double q = std::clamp(p[i], kEps, 1.0 - kEps);
        sum -= y[i] * std::log(q) + (1.0 - y[i]) * std::log(1.0 - q);
    }
    return p.size() ? sum / double(p.size()) : std::numeric_limits<double>::quiet_NaN();
}

double brierScore(const Eigen::VectorXd& p, const Eigen::VectorXd& y)
{
    return p.size() ? (p - y).squaredNorm() / double(p.size()) : std::numeric_limits<double>::quiet_NaN();
}

ThresholdMetrics thresholdMetrics(const Eigen::VectorXd& p, const Eigen::VectorXd& y, double threshold)
{
    ThresholdMetrics m;
    m.threshold = threshold;
    for (Eigen::Index i = 0; i < p.size(); ++i) {
        const bool called = p[i] >= threshold, positive = y[i] > 0.5;
        if (called && positive) ++m.truePositives;
        else if (called) ++m.falsePositives;
        else if (positive) ++m.falseNegatives;
        else ++m.trueNegatives;
    }
    const double n = double(p.size());
    const double tp = double(m.truePositives), fp = double(m.falsePositives), fn = double(m.falseNegatives);
    m.accuracy = n > 0 ? (tp + double(m.trueNegatives)) / n : 0.0;
    m.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
    m.recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
    m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
    return m;
}

namespace {
// [begin, end) of group g of `groups` near-equal groups over n rows.
std::pair<Eigen::Index, Eigen::Index> groupRange(Eigen::Index n, int groups, int g)
{
    return {n * g / groups, n * (g + 1) / groups};
}
} // namespace

std::vector<CalibrationBin> calibrationTable(const Eigen::VectorXd& p, const Eigen::VectorXd& y, int bins)
{
    std::vector<CalibrationBin> out;
    const Eigen::Index n = p.size();
    if (n == 0 || bins < 1) return out;
    std::vector<Eigen::Index> order = rankDescending(p);
    std::reverse(order.begin(), order.end());   // lowest predictions first
    for (int g = 0; g < bins; ++g) {
        const auto [b, e] = groupRange(n, bins, g);
        if (e <= b) continue;
        CalibrationBin bin;
        bin.lower = p[order[static_cast<std::size_t>(b)]];
        bin.upper = p[order[static_cast<std::size_t>(e - 1)]];
        bin.count = e - b;
        double sp = 0, sy = 0;
        for (Eigen::Index i = b; i < e; ++i) {
            sp += p[order[static_cast<std::size_t>(i)]];
            sy += y[order[static_cast<std::size_t>(i)]];
        }
        bin.meanPredicted = sp / double(bin.count);
        bin.observedRate = sy / double(bin.count);
        out.push_back(bin);
    }
    return out;
}

double expectedCalibrationError(const std::vector<CalibrationBin>& bins)
{
    double err = 0, n = 0;
    for (const CalibrationBin& b : bins) {
        err += double(b.count) * std::fabs(b.meanPredicted - b.observedRate);
        n += double(b.count);
    }
    return n > 0 ? err / n : std::numeric_limits<double>::quiet_NaN();
}

std::vector<LiftRow> liftTable(const Eigen::VectorXd& score, const Eigen::VectorXd& y, int groups)
{
    std::vector<LiftRow> out;
    const Eigen::Index n = score.size();
    if (n == 0 || groups < 1) return out;
    const std::vector<Eigen::Index> order = rankDescending(score);
    const double totalPositives = y.sum();
    const double overall = totalPositives / double(n);
    double cumPositives = 0, cumCount = 0;
    for (int g = 0; g < groups; ++g) {
        const auto [b, e] = groupRange(n, groups, g);
        if (e <= b) continue;
        LiftRow row;
        row.group = g + 1;
        row.count = e - b;
        double ss = 0, sy = 0;
        for (Eigen::Index i = b; i < e; ++i) {
            ss += score[order[static_cast<std::size_t>(i)]];
            sy += y[order[static_cast<std::size_t>(i)]];
        }
        row.positives = static_cast<Eigen::Index>(std::llround(sy));
        row.meanScore = ss / double(row.count);
        row.rate = sy / double(row.count);
        row.lift = overall > 0 ? row.rate / overall : 0.0;
        cumPositives += sy;
        cumCount += double(row.count);
        row.cumulativeGain = totalPositives > 0 ? cumPositives / totalPositives : 0.0;
        row.cumulativeLift = overall > 0 ? (cumPositives / cumCount) / overall : 0.0;
        out.push_back(row);
    }
    return out;
}

} // namespace cwb::engine
