#include "optimize/grid_search.h"

#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace cwb::engine {

std::vector<std::string> GridSearchParams::validate() const
{
    std::vector<std::string> problems;
    if (annealSteps < 0) problems.push_back("annealSteps must not be negative");
    if (!(startTemperature >= 0)) problems.push_back("startTemperature must not be negative");
    if (!(cooling > 0 && cooling <= 1)) problems.push_back("cooling must be in (0, 1]");
    if (keep < 1) problems.push_back("keep at least one point");
    return problems;
}

GridSearchResult gridSearch(const std::vector<SearchDimension>& dims, const std::function<PointValue(const std::vector<double>&)>& objective,
                            const GridSearchParams& p)
{
    if (auto problems = p.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    if (dims.empty()) throw std::invalid_argument("gridSearch: no dimensions");
    for (const SearchDimension& d : dims)
        if (d.values.empty() || d.coarseStride < 1) throw std::invalid_argument("gridSearch: dimension " + d.name + " has no values or a bad stride");

    GridSearchResult out;
    std::map<std::vector<int>, PointValue> seen;
    // Coarse indices per dimension.
    std::vector<std::vector<int>> coarse(dims.size());
    std::size_t planned = 1;
    for (std::size_t d = 0; d < dims.size(); ++d) {
        const int n = static_cast<int>(dims[d].values.size());
        for (int i = 0; i < n; i += dims[d].coarseStride) coarse[d].push_back(i);
        if (coarse[d].back() != n - 1) coarse[d].push_back(n - 1);
        planned *= coarse[d].size();
    }
    planned += static_cast<std::size_t>(p.annealSteps);

    auto evaluate = [&](const std::vector<int>& idx) -> const PointValue& {
        auto it = seen.find(idx);
        if (it != seen.end()) return it->second;
        std::vector<double> v(dims.size());
        for (std::size_t d = 0; d < dims.size(); ++d) v[d] = dims[d].values[static_cast<std::size_t>(idx[d])];
        const PointValue value = objective(v);
        ++out.evaluations;
        if (p.progress && !p.progress(std::min(1.0, double(out.evaluations) / double(planned)))) out.cancelled = true;
        return seen.emplace(idx, value).first->second;
    };
    auto better = [](const PointValue& a, const PointValue& b) {   // a strictly better than b
        if (a.feasible != b.feasible) return a.feasible;
        return a.objective > b.objective;
    };

    // Coarse grid, in lexicographic order.
    std::vector<int> counter(dims.size(), 0), best;
    PointValue bestValue{0, false};
    for (bool done = false; !done && !out.cancelled;) {
        std::vector<int> idx(dims.size());
        for (std::size_t d = 0; d < dims.size(); ++d) idx[d] = coarse[d][static_cast<std::size_t>(counter[d])];
        const PointValue& v = evaluate(idx);
        if (best.empty() || better(v, bestValue)) {
            best = idx;
            bestValue = v;
        }
        std::size_t d = 0;
        for (; d < dims.size(); ++d) {
            if (++counter[d] < static_cast<int>(coarse[d].size())) break;
            counter[d] = 0;
        }
        done = d == dims.size();
    }
    out.coarseEvaluations = out.evaluations;

    // Annealing on the full grid.
    Rng rng(p.seed);
    std::vector<int> current = best;
    PointValue currentValue = bestValue;
    double temperature = p.startTemperature * std::max(1.0, std::fabs(bestValue.objective));
    for (int step = 0; step < p.annealSteps && !out.cancelled; ++step, temperature *= p.cooling) {
        std::vector<int> next = current;
        const auto d = static_cast<std::size_t>(rng.below(dims.size()));
        const int n = static_cast<int>(dims[d].values.size());
        if (n == 1) continue;
        const int move = (rng.bernoulli(0.5) ? 1 : -1) * (rng.bernoulli(0.75) ? 1 : 2);
        next[d] = std::clamp(next[d] + move, 0, n - 1);
        if (next[d] == current[d]) continue;
        const PointValue v = evaluate(next);
        bool accept = better(v, currentValue);
        if (!accept && v.feasible && currentValue.feasible && temperature > 0)
            accept = rng.uniform() < std::exp((v.objective - currentValue.objective) / temperature);
        if (accept) {
            current = next;
            currentValue = v;
        }
        if (better(v, bestValue)) {
            best = next;
            bestValue = v;
        }
    }

    // The best feasible points seen.
    std::vector<std::pair<std::vector<int>, PointValue>> all(seen.begin(), seen.end());
    std::stable_sort(all.begin(), all.end(), [&](const auto& a, const auto& b) { return better(a.second, b.second); });
    for (const auto& [idx, v] : all) {
        if (!v.feasible || static_cast<int>(out.best.size()) >= p.keep) break;
        SearchPoint sp{idx, {}, v};
        for (std::size_t d = 0; d < dims.size(); ++d) sp.values.push_back(dims[d].values[static_cast<std::size_t>(idx[d])]);
        out.best.push_back(std::move(sp));
    }
    return out;
}

} // namespace cwb::engine
