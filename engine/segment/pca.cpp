#include "segment/pca.h"

#include <algorithm>
#include <stdexcept>

namespace cwb::engine {

Pca fitPca(const Eigen::MatrixXd& x, int components)
{
    const Eigen::Index n = x.rows(), d = x.cols();
    if (n < 2 || d < 1) throw std::invalid_argument("PCA needs at least two rows and one column");
    const Eigen::Index c = std::clamp<Eigen::Index>(components, 1, d);
    Pca p;
    p.mean = x.colwise().mean();
    const Eigen::MatrixXd centred = x.rowwise() - p.mean;
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(d, d);
    cov.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose());
    cov = cov.selfadjointView<Eigen::Lower>();
    cov /= double(n - 1);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    // Eigen returns ascending eigenvalues: take them from the end.
    p.components.resize(d, c);
    p.explainedVariance.resize(c);
    for (Eigen::Index j = 0; j < c; ++j) {
        Eigen::VectorXd v = eig.eigenvectors().col(d - 1 - j);
        Eigen::Index largest = 0;
        v.cwiseAbs().maxCoeff(&largest);
        if (v(largest) < 0) v = -v;
        p.components.col(j) = v;
        p.explainedVariance(j) = std::max(0.0, eig.eigenvalues()(d - 1 - j));
    }
    const double total = std::max(0.0, eig.eigenvalues().sum());
    p.explainedVarianceRatio = total > 0 ? Eigen::VectorXd(p.explainedVariance / total) : Eigen::VectorXd::Zero(c);
    return p;
}

Eigen::MatrixXd Pca::transform(const Eigen::MatrixXd& x) const { return (x.rowwise() - mean) * components; }

} // namespace cwb::engine
