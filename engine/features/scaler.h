#pragma once
// Column scaling, fitted on one matrix and applied to any: z-score
// ((x - mean) / sd), min-max ((x - min) / (max - min)) or robust
// ((x - median) / IQR). Constant columns are centred and left unscaled.

#include <Eigen/Dense>

#include <optional>
#include <string>
#include <string_view>

namespace cwb::engine {

enum class Scaling { None, ZScore, MinMax, Robust };

std::optional<Scaling> parseScaling(std::string_view name);   // none, zscore, minmax, robust
std::string_view scalingName(Scaling s);

class Scaler {
public:
    static Scaler fit(const Eigen::MatrixXd& x, Scaling scaling);
    Eigen::MatrixXd transform(const Eigen::MatrixXd& x) const;
    const Eigen::RowVectorXd& center() const { return center_; }
    const Eigen::RowVectorXd& scale() const { return scale_; }

private:
    Eigen::RowVectorXd center_, scale_;
};

} // namespace cwb::engine
