#include "features/scaler.h"

#include "features/imputer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cwb::engine {

namespace {
double quantile(std::vector<double> xs, double q)
{
    if (xs.empty()) return 0.0;
    std::sort(xs.begin(), xs.end());
    const double pos = q * double(xs.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, xs.size() - 1);
    return xs[lo] + (pos - double(lo)) * (xs[hi] - xs[lo]);
}
} // namespace

std::optional<Scaling> parseScaling(std::string_view name)
{
    if (name == "none") return Scaling::None;
    if (name == "zscore" || name == "z-score" || name == "standard") return Scaling::ZScore;
    if (name == "minmax" || name == "min-max") return Scaling::MinMax;
    if (name == "robust") return Scaling::Robust;
    return std::nullopt;
}

std::string_view scalingName(Scaling s)
{
    switch (s) {
    case Scaling::None: return "none";
    case Scaling::ZScore: return "zscore";
    case Scaling::MinMax: return "minmax";
    case Scaling::Robust: return "robust";
    }
    return "none";
}

Scaler Scaler::fit(const Eigen::MatrixXd& x, Scaling scaling)
{
    Scaler s;
    const Eigen::Index p = x.cols();
    s.center_ = Eigen::RowVectorXd::Zero(p);
    s.scale_ = Eigen::RowVectorXd::Ones(p);
    if (x.rows() == 0) return s;
    for (Eigen::Index j = 0; j < p; ++j) {
        const auto col = x.col(j);
        double c = 0, d = 1;
        switch (scaling) {
        case Scaling::None: break;
        case Scaling::ZScore: {
            c = col.mean();
            d = std::sqrt((col.array() - c).square().sum() / double(std::max<Eigen::Index>(1, col.size())));
            break;
        }
        case Scaling::MinMax:
            c = col.minCoeff();
            d = col.maxCoeff() - c;
            break;
        case Scaling::Robust: {
            std::vector<double> xs(col.data(), col.data() + col.size());
            c = medianIgnoringNaN(col);
            d = quantile(xs, 0.75) - quantile(std::move(xs), 0.25);
            if (!(d > 0)) {   // most values equal (counts with many zeros): fall back to the sd
                const double mean = col.mean();
                d = std::sqrt((col.array() - mean).square().mean());
            }
            break;
        }
        }
        s.center_[j] = c;
        s.scale_[j] = d > 1e-12 ? d : 1.0;
    }
    return s;
}

Eigen::MatrixXd Scaler::transform(const Eigen::MatrixXd& x) const
{
    return (x.rowwise() - center_).array().rowwise() / scale_.array();
}

} // namespace cwb::engine
