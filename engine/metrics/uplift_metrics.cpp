#include "metrics/uplift_metrics.h"

#include "metrics/classification.h"

#include <cmath>
#include <limits>

namespace cwb::engine {

using Eigen::Index;

namespace {

enum class Curve { Qini, Uplift };

// Rows and outcomes of the treated and the control rows seen so far.
struct GroupSums {
    double nT = 0, nC = 0, yT = 0, yC = 0;
    void add(bool isTreated, double outcome)
    {
        (isTreated ? nT : nC) += 1;
        (isTreated ? yT : yC) += outcome;
    }
};

std::vector<CurvePoint> curve(const Eigen::VectorXd& score, const Eigen::VectorXd& y, const std::vector<char>& treated, Curve kind)
{
    const std::vector<Index> order = rankDescending(score);
    std::vector<CurvePoint> out{{0.0, 0.0}};
    GroupSums g;
    const Index n = score.size();
    for (Index r = 0; r < n; ++r) {
        const Index i = order[static_cast<std::size_t>(r)];
        g.add(treated[static_cast<std::size_t>(i)], y[i]);
        const auto& [nT, nC, yT, yC] = g;
        const bool lastOfTie = r + 1 == n || score[order[static_cast<std::size_t>(r + 1)]] != score[i];
        if (!lastOfTie) continue;
        const double t = double(r + 1);
        double v = 0;
        if (kind == Curve::Qini) v = yT - (nC > 0 ? yC * nT / nC : 0.0);
        else v = ((nT > 0 ? yT / nT : 0.0) - (nC > 0 ? yC / nC : 0.0)) * t;
        out.push_back({t, v});
    }
    return out;
}

// Scores that rank perfectly: treated responders, then everyone else, then
// control responders (who respond without the offer); for the uplift curve
// the order within follows scikit-uplift's perfect_uplift_curve.
Eigen::VectorXd perfectQiniScore(const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    Eigen::VectorXd s(y.size());
    for (Index i = 0; i < y.size(); ++i) s[i] = treated[static_cast<std::size_t>(i)] ? y[i] : -y[i];
    return s;
}

Eigen::VectorXd perfectUpliftScore(const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    double controlResponders = 0, treatedNonResponders = 0;
    for (Index i = 0; i < y.size(); ++i) {
        const bool t = treated[static_cast<std::size_t>(i)];
        if (!t && y[i] > 0.5) controlResponders += 1;
        if (t && y[i] < 0.5) treatedNonResponders += 1;
    }
    Eigen::VectorXd s(y.size());
    for (Index i = 0; i < y.size(); ++i) {
        const double t = treated[static_cast<std::size_t>(i)] ? 1.0 : 0.0;
        const double summand = controlResponders > treatedNonResponders ? y[i] : t;
        s[i] = 2.0 * (y[i] == t ? 1.0 : 0.0) + summand;
    }
    return s;
}

double normalisedArea(const std::vector<CurvePoint>& actual, const std::vector<CurvePoint>& perfect)
{
    const CurvePoint end = perfect.back();
    const double baseline = 0.5 * end.targeted * end.value;
    const double best = curveArea(perfect) - baseline;
    if (best == 0) return std::numeric_limits<double>::quiet_NaN();
    return (curveArea(actual) - baseline) / best;
}

} // namespace

double curveArea(const std::vector<CurvePoint>& c)
{
    double a = 0;
    for (std::size_t k = 1; k < c.size(); ++k) a += (c[k].targeted - c[k - 1].targeted) * 0.5 * (c[k].value + c[k - 1].value);
    return a;
}

std::vector<CurvePoint> qiniCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    return curve(uplift, y, treated, Curve::Qini);
}

std::vector<CurvePoint> upliftCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    return curve(uplift, y, treated, Curve::Uplift);
}

namespace {

// Treated minus control outcome rate over the rows row(0) .. row(count - 1); NaN when a group is empty.
template <class RowAt>
double rateDifference(const Eigen::VectorXd& y, const std::vector<char>& treated, Index count, RowAt row)
{
    GroupSums g;
    for (Index r = 0; r < count; ++r) g.add(treated[static_cast<std::size_t>(row(r))], y[row(r)]);
    if (g.nT == 0 || g.nC == 0) return std::numeric_limits<double>::quiet_NaN();
    return g.yT / g.nT - g.yC / g.nC;
}

} // namespace

double qiniCoefficient(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    return normalisedArea(qiniCurve(uplift, y, treated), qiniCurve(perfectQiniScore(y, treated), y, treated));
}

double areaUnderUpliftCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    return normalisedArea(upliftCurve(uplift, y, treated), upliftCurve(perfectUpliftScore(y, treated), y, treated));
}

double upliftAtK(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated, double k)
{
    const std::vector<Index> order = rankDescending(uplift);
    const Index top = static_cast<Index>(double(uplift.size()) * k);
    return rateDifference(y, treated, top, [&](Index r) { return order[static_cast<std::size_t>(r)]; });
}

double averageTreatmentEffect(const Eigen::VectorXd& y, const std::vector<char>& treated)
{
    return rateDifference(y, treated, y.size(), [](Index r) { return r; });
}

std::vector<UpliftGroup> upliftByGroup(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated, int groups)
{
    std::vector<UpliftGroup> out;
    const Index n = uplift.size();
    if (n == 0 || groups < 1) return out;
    const std::vector<Index> order = rankDescending(uplift);
    for (int g = 0; g < groups; ++g) {
        const Index b = n * g / groups, e = n * (g + 1) / groups;
        if (e <= b) continue;
        UpliftGroup row;
        row.group = g + 1;
        double yT = 0, yC = 0, pred = 0;
        for (Index r = b; r < e; ++r) {
            const Index i = order[static_cast<std::size_t>(r)];
            pred += uplift[i];
            if (treated[static_cast<std::size_t>(i)]) {
                ++row.treated;
                yT += y[i];
            } else {
                ++row.control;
                yC += y[i];
            }
        }
        row.meanPredicted = pred / double(e - b);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        row.treatedRate = row.treated ? yT / double(row.treated) : nan;
        row.controlRate = row.control ? yC / double(row.control) : nan;
        row.observedUplift = row.treatedRate - row.controlRate;
        out.push_back(row);
    }
    return out;
}

} // namespace cwb::engine
