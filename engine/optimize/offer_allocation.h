#pragma once
// Several campaigns compete for the same users and one budget: each user
// gets at most one offer. With v(i, j) the expected incremental profit and
// c(i, j) the expected cost of giving offer j to user i, maximise the sum of
// v over the chosen pairs subject to the sum of c <= budget — a
// multiple-choice knapsack, solved by its Lagrangian relaxation: for a price
// lambda on cost each user takes argmax_j v - lambda c when positive; lambda
// is the smallest price (found by bisection) at which the total cost fits the
// budget, and the budget left over goes greedily, by profit per cost, to the
// users still without an offer. The total cost never exceeds the budget.

#include <Eigen/Dense>

#include <vector>

namespace cwb::engine {

struct AllocationParams {
    double budget = 0;      // 0 = none: every user takes their most profitable offer, if any is profitable
    int bisections = 100;
};

struct Allocation {
    std::vector<int> choice;   // per user: the offer's column, or -1 for none
    double profit = 0, cost = 0;
    double lambda = 0;         // the price of one unit of budget at the solution
    std::vector<Eigen::Index> usersPerOffer;
};

// profit, cost: users x offers. Costs must be >= 0.
Allocation allocateOffers(const Eigen::MatrixXd& profit, const Eigen::MatrixXd& cost, const AllocationParams& params = {});

} // namespace cwb::engine
