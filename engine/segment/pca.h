#pragma once
// Principal component analysis of a (scaled) feature matrix, for the 2-D
// picture of users coloured by segment: the eigenvectors of the covariance
// matrix with the largest eigenvalues. The feature count is small (tens), so
// the d x d covariance and its symmetric eigen-decomposition are cheap and
// exact; the cost is one pass over the rows. Each component's sign is fixed
// so that its largest loading is positive, which makes the result
// deterministic (eigenvectors are only defined up to sign).

#include <Eigen/Dense>

namespace cwb::engine {

struct Pca {
    Eigen::RowVectorXd mean;            // per feature
    Eigen::MatrixXd components;         // d x c, unit columns, by decreasing variance
    Eigen::VectorXd explainedVariance;  // c eigenvalues (sample variance, n - 1)
    Eigen::VectorXd explainedVarianceRatio;

    // Rows of x (n x d) projected on the components: n x c.
    Eigen::MatrixXd transform(const Eigen::MatrixXd& x) const;
};

// c = min(components, d). Needs at least two rows.
Pca fitPca(const Eigen::MatrixXd& x, int components);

} // namespace cwb::engine
