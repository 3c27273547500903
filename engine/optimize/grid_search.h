#pragma once
// Searches a grid of parameter values for the point that maximises an
// expensive objective (a campaign preview): first a coarse grid (every
// `coarseStride`-th value of each dimension, all combinations), then
// simulated annealing on the full grid from the best coarse point — moves of
// one or two steps along one dimension, accepted by the Metropolis rule at
// a temperature that falls geometrically — seeded, so the same inputs give
// the same answer. Each point is evaluated at most once.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cwb::engine {

struct SearchDimension {
    std::string name;
    std::vector<double> values;   // ascending
    int coarseStride = 1;         // the coarse grid takes values 0, stride, 2 stride, ... and the last
};

struct PointValue {
    double objective = 0;
    bool feasible = true;         // infeasible points never win
};

struct GridSearchParams {
    int annealSteps = 300;
    double startTemperature = 0.05;   // as a share of the best coarse objective's magnitude
    double cooling = 0.985;           // temperature factor per step
    std::uint64_t seed = 1;
    int keep = 5;                     // how many of the best points to return
    // Called after each evaluation with the share of the planned evaluations done; false cancels.
    std::function<bool(double)> progress;
    std::vector<std::string> validate() const;
};

struct SearchPoint {
    std::vector<int> index;       // per dimension, into its values
    std::vector<double> values;
    PointValue value;
};

struct GridSearchResult {
    std::vector<SearchPoint> best;    // best first, at most `keep`, all feasible (empty when none is)
    int evaluations = 0;
    int coarseEvaluations = 0;
    bool cancelled = false;
};

GridSearchResult gridSearch(const std::vector<SearchDimension>& dims, const std::function<PointValue(const std::vector<double>&)>& objective,
                            const GridSearchParams& params = {});

} // namespace cwb::engine
