#include "core/random.h"
#include "features/imputer.h"
#include "features/scaler.h"
#include "segment/group_profile.h"
#include "segment/lookalike.h"
#include "segment/pca.h"
#include "segment/rfm.h"
#include "segment/rule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace cwb::engine;
using Eigen::MatrixXd;

TEST(Rfm, QuintilesWithTies)
{
    // 10 distinct values: two per score.
    std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(quintileScores(v), (std::vector<std::int8_t>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
    // Ties share the score of the lowest position: nobody is below the four 1s.
    std::vector<double> t{1, 1, 1, 1, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(quintileScores(t), (std::vector<std::int8_t>{1, 1, 1, 1, 3, 3, 4, 4, 5, 5}));
    // Most customers bought once: they all score 1; twice puts you above 60 %.
    std::vector<double> f{1, 1, 1, 1, 1, 1, 2, 2, 3, 7};
    EXPECT_EQ(quintileScores(f), (std::vector<std::int8_t>{1, 1, 1, 1, 1, 1, 4, 4, 5, 5}));
}

TEST(Rfm, GroupTable)
{
    EXPECT_EQ(rfmGroup(5, 5, 5), RfmGroup::Champions);
    EXPECT_EQ(rfmGroup(5, 4, 3), RfmGroup::Champions);     // FM = round(3.5) = 4
    EXPECT_EQ(rfmGroup(5, 1, 1), RfmGroup::New);
    EXPECT_EQ(rfmGroup(5, 2, 3), RfmGroup::PotentialLoyalists);
    EXPECT_EQ(rfmGroup(4, 1, 1), RfmGroup::Promising);
    EXPECT_EQ(rfmGroup(4, 4, 5), RfmGroup::Loyal);
    EXPECT_EQ(rfmGroup(3, 3, 3), RfmGroup::NeedAttention);
    EXPECT_EQ(rfmGroup(3, 5, 4), RfmGroup::Loyal);
    EXPECT_EQ(rfmGroup(3, 1, 2), RfmGroup::Hibernating);
    EXPECT_EQ(rfmGroup(2, 3, 4), RfmGroup::AtRisk);
    EXPECT_EQ(rfmGroup(1, 5, 5), RfmGroup::CantLoseThem);
    EXPECT_EQ(rfmGroup(1, 1, 2), RfmGroup::Lost);
    EXPECT_EQ(rfmGroup(2, 2, 1), RfmGroup::Hibernating);
    // Every cell of the 5 x 5 x 5 cube has one group, and all ten named groups occur.
    std::set<RfmGroup> seen;
    for (int r = 1; r <= 5; ++r)
        for (int f = 1; f <= 5; ++f)
            for (int m = 1; m <= 5; ++m) seen.insert(rfmGroup(r, f, m));
    EXPECT_EQ(seen.size(), 10u);
    EXPECT_EQ(rfmGroupName(RfmGroup::CantLoseThem), "Can't Lose Them");
}

TEST(Rfm, ProspectsHaveNoScores)
{
    const RfmScores s = scoreRfm({3, 100, 0, 40}, {5, 1, 0, 2}, {900, 20, 0, 150});
    EXPECT_EQ(s.group[2], RfmGroup::Prospects);
    EXPECT_EQ(s.r[2], 0);
    // Among three buyers the best has two of three below it: 1 + floor(5 * 2/3) = 4; the worst has none: 1.
    EXPECT_EQ(s.r[0], 4);
    EXPECT_EQ(s.r[1], 1);
    EXPECT_EQ(s.f[0], 4);
    EXPECT_EQ(s.m[1], 1);
}

TEST(Imputer, PoliciesAndIndicators)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    FeatureTable t;
    t.ids = {1, 2, 3, 4};
    t.values.resize(4, 3);
    t.values << 1, nan, 10, nan, 0.2, 20, 3, 0.4, nan, 5, 0.9, 5;
    t.columns = {{"orders", MissingPolicy::Zero, false}, {"rate", MissingPolicy::Median, false}, {"recency", MissingPolicy::Max, true}};
    const FeatureTable out = Imputer::fit(t).transform(t);
    ASSERT_EQ(out.cols(), 4);
    EXPECT_EQ(out.values(1, 0), 0.0);
    EXPECT_DOUBLE_EQ(out.values(0, 1), 0.4);   // median of 0.2, 0.4, 0.9
    EXPECT_EQ(out.values(2, 2), 20.0);         // the longest recency seen
    EXPECT_EQ(out.columns[3].name, "recency_missing");
    EXPECT_EQ(out.values(2, 3), 1.0);
    EXPECT_EQ(out.values(0, 3), 0.0);
    // No indicator when the fitted data had nothing missing in that column.
    FeatureTable full = t;
    full.values(2, 2) = 7;
    EXPECT_EQ(Imputer::fit(full).transform(full).cols(), 3);
}

TEST(Scaler, ThreeKinds)
{
    MatrixXd x(5, 2);
    x << 1, 7, 2, 7, 3, 7, 4, 7, 10, 7;
    const MatrixXd z = Scaler::fit(x, Scaling::ZScore).transform(x);
    EXPECT_NEAR(z.col(0).mean(), 0.0, 1e-12);
    EXPECT_NEAR(std::sqrt(z.col(0).array().square().mean()), 1.0, 1e-12);
    EXPECT_TRUE(z.col(1).isZero(0));   // constant column: centred, not divided by zero
    const MatrixXd mm = Scaler::fit(x, Scaling::MinMax).transform(x);
    EXPECT_DOUBLE_EQ(mm(0, 0), 0.0);
    EXPECT_DOUBLE_EQ(mm(4, 0), 1.0);
    const Scaler rb = Scaler::fit(x, Scaling::Robust);
    EXPECT_DOUBLE_EQ(rb.center()[0], 3.0);   // median
    EXPECT_DOUBLE_EQ(rb.scale()[0], 2.0);    // IQR: 4 - 2
}

TEST(GroupProfile, MeansSharesAndDistinctiveFeatures)
{
    MatrixXd x(4, 2);
    x << 0, 5, 0, 5, 10, 5, 10, 6;
    const auto g = profileGroups(x, {0, 0, 1, -1}, 2);
    EXPECT_EQ(g[0].size, 2);
    EXPECT_DOUBLE_EQ(g[0].share, 0.5);
    EXPECT_DOUBLE_EQ(g[1].mean[0], 10.0);
    // Population mean of column 0 is 5, sd 5: group 0 is one sd below.
    EXPECT_DOUBLE_EQ(g[0].difference[0], -1.0);
    ASSERT_FALSE(g[0].distinctive.empty());
    EXPECT_EQ(g[0].distinctive[0], 0);
}

TEST(Lookalike, MatchesBruteForce)
{
    Rng rng(4);
    const int n = 600, p = 5;
    MatrixXd x(n, p);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < p; ++j) x(i, j) = rng.normal();
    std::vector<char> seed(n, 0);
    for (int i = 0; i < 40; ++i) seed[static_cast<std::size_t>(i * 7)] = 1;

    auto cosine = [](const Eigen::RowVectorXd& a, const Eigen::RowVectorXd& b) { return a.dot(b) / (a.norm() * b.norm()); };
    auto centred = [](Eigen::RowVectorXd r) { return Eigen::RowVectorXd(r.array() - r.mean()); };
    for (Similarity sim : {Similarity::Cosine, Similarity::Pearson}) {
        for (LookalikeMode mode : {LookalikeMode::Centroid, LookalikeMode::KNearest}) {
            LookalikeParams lp;
            lp.similarity = sim;
            lp.mode = mode;
            lp.k = 5;
            lp.top = 25;
            const Lookalikes got = findLookalikes(x, seed, lp);
            // Brute force, one pair at a time.
            Eigen::RowVectorXd centroid = Eigen::RowVectorXd::Zero(p);
            int seeds = 0;
            for (int i = 0; i < n; ++i)
                if (seed[static_cast<std::size_t>(i)]) {
                    centroid += x.row(i);
                    ++seeds;
                }
            centroid /= seeds;
            std::vector<std::pair<double, int>> ref;
            for (int i = 0; i < n; ++i) {
                if (seed[static_cast<std::size_t>(i)]) continue;
                auto prep = [&](Eigen::RowVectorXd r) { return sim == Similarity::Pearson ? centred(r) : r; };
                double score;
                if (mode == LookalikeMode::Centroid) {
                    score = cosine(prep(x.row(i)), prep(centroid));
                } else {
                    std::vector<double> s;
                    for (int j = 0; j < n; ++j)
                        if (seed[static_cast<std::size_t>(j)]) s.push_back(cosine(prep(x.row(i)), prep(x.row(j))));
                    std::sort(s.rbegin(), s.rend());
                    score = std::accumulate(s.begin(), s.begin() + 5, 0.0) / 5.0;
                }
                ref.push_back({score, i});
            }
            std::sort(ref.begin(), ref.end(), [](auto& a, auto& b) { return a.first > b.first; });
            ASSERT_EQ(got.rows.size(), 25u);
            for (std::size_t r = 0; r < 25; ++r) {
                EXPECT_NEAR(got.similarity[r], ref[r].first, 1e-5);   // computed in float
                EXPECT_FALSE(seed[static_cast<std::size_t>(got.rows[r])]);
            }
            EXPECT_EQ(got.rows.front(), ref.front().second);
        }
    }
}

TEST(Rule, ParsesTheExampleFromTheIssue)
{
    const auto parsed = parseRule("recency_days > 90 AND (monetary >= 500 OR member_tier IN ('gold','platinum'))");
    ASSERT_TRUE(std::holds_alternative<RuleNode>(parsed));
    const RuleNode& root = std::get<RuleNode>(parsed);
    ASSERT_EQ(root.kind, RuleNode::Kind::And);
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].field, "recency_days");
    EXPECT_EQ(root.children[0].op, CompareOp::Gt);
    EXPECT_EQ(root.children[0].values[0].number, 90);
    const RuleNode& orNode = root.children[1];
    ASSERT_EQ(orNode.kind, RuleNode::Kind::Or);
    EXPECT_EQ(orNode.children[1].kind, RuleNode::Kind::In);
    EXPECT_EQ(orNode.children[1].values.size(), 2u);
    EXPECT_EQ(orNode.children[1].values[1].text, "platinum");
    const auto fields = ruleComparisons(root);
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[2]->fieldPosition, 42u);   // "member_tier" starts after "...OR "
}

TEST(Rule, MoreForms)
{
    auto ok = [](const char* text) { return std::holds_alternative<RuleNode>(parseRule(text)); };
    EXPECT_TRUE(ok("NOT (age < 25) or city = 'Shanghai'"));
    EXPECT_TRUE(ok("age BETWEEN 20 AND 30 and gender != 'male'"));
    EXPECT_TRUE(ok("signup_date IS NOT NULL"));
    EXPECT_TRUE(ok("region NOT IN ('Beijing')"));
    EXPECT_TRUE(ok("月收入 >= 8000"));
    EXPECT_TRUE(ok("`preferred store` = 'A01' AND attributes.income > -1.5e3"));
    const RuleNode n = std::get<RuleNode>(parseRule("a = 1 OR b = 2 AND c = 3"));
    EXPECT_EQ(n.kind, RuleNode::Kind::Or);   // AND binds tighter than OR
    EXPECT_EQ(n.children[1].kind, RuleNode::Kind::And);
}

TEST(Rule, ErrorsPointAtTheToken)
{
    auto error = [](const char* text) { return std::get<RuleError>(parseRule(text)); };
    const RuleError e1 = error("recency_days > AND monetary > 5");
    EXPECT_EQ(e1.code, RuleError::Code::UnexpectedToken);
    EXPECT_EQ(e1.position, 15u);
    EXPECT_EQ(e1.found, "AND");
    const RuleError e2 = error("(age > 3");
    EXPECT_EQ(e2.code, RuleError::Code::UnexpectedEnd);
    EXPECT_EQ(e2.expected, "')'");
    const RuleError e3 = error("city = 'Shang");
    EXPECT_EQ(e3.code, RuleError::Code::UnterminatedText);
    EXPECT_EQ(e3.position, 7u);
    EXPECT_EQ(error("").code, RuleError::Code::Empty);
    EXPECT_EQ(error("age > 3 age < 5").found, "age");
    EXPECT_EQ(error("age ; 5").code, RuleError::Code::UnknownCharacter);
    EXPECT_EQ(characterColumn("年龄 > x", 7), 4u);   // two 3-byte characters, a space
}

// Found by fuzz_segment_rule: 3,000 opening parentheses ran the recursive parser off the stack.
TEST(Rule, NestingIsBounded)
{
    auto nestedRule = [](int depth, const std::string& open, const std::string& close) {
        std::string text;
        for (int i = 0; i < depth; ++i) text += open;
        text += "age > 3";
        for (int i = 0; i < depth; ++i) text += close;
        return text;
    };
    EXPECT_TRUE(std::holds_alternative<RuleNode>(parseRule(nestedRule(kMaxRuleDepth, "(", ")"))));
    EXPECT_TRUE(std::holds_alternative<RuleNode>(parseRule(nestedRule(kMaxRuleDepth, "NOT ", ""))));
    const auto deep = parseRule(nestedRule(kMaxRuleDepth + 1, "(", ")"));
    ASSERT_TRUE(std::holds_alternative<RuleError>(deep));
    EXPECT_EQ(std::get<RuleError>(deep).code, RuleError::Code::TooDeep);
    EXPECT_EQ(std::get<RuleError>(deep).position, static_cast<std::size_t>(kMaxRuleDepth));   // the first "(" too many
    const auto notNot = parseRule(nestedRule(kMaxRuleDepth / 2, "NOT (", ")") + " AND " + nestedRule(kMaxRuleDepth + 1, "NOT ", ""));
    ASSERT_TRUE(std::holds_alternative<RuleError>(notNot));
    EXPECT_EQ(std::get<RuleError>(notNot).code, RuleError::Code::TooDeep);
    const auto huge = parseRule(std::string(100000, '('));
    ASSERT_TRUE(std::holds_alternative<RuleError>(huge));
    EXPECT_EQ(std::get<RuleError>(huge).code, RuleError::Code::TooDeep);
}

TEST(Rule, InjectionAttemptsStayText)
{
    const auto parsed = parseRule("city = 'x''; DROP TABLE users; --'");
    ASSERT_TRUE(std::holds_alternative<RuleNode>(parsed));
    const RuleNode& n = std::get<RuleNode>(parsed);
    EXPECT_EQ(n.values[0].text, "x'; DROP TABLE users; --");
    // Outside quotes the same text is not a rule at all.
    EXPECT_TRUE(std::holds_alternative<RuleError>(parseRule("city = 'x'; DROP TABLE users")));
}

// Four points on the axes: the covariance is diag(8/3, 2/3) (n - 1 = 3), so
// the components are the axes, with 80 % and 20 % of the variance. Turned by
// 45 degrees, the components turn with them.
TEST(Pca, HandWorkedFourPoints)
{
    Eigen::MatrixXd x(4, 2);
    x << 2, 0, -2, 0, 0, 1, 0, -1;
    x.rowwise() += Eigen::RowVector2d(5, -3);   // the mean is taken out
    const cwb::engine::Pca p = cwb::engine::fitPca(x, 2);
    EXPECT_NEAR(p.mean(0), 5, 1e-12);
    EXPECT_NEAR(p.mean(1), -3, 1e-12);
    EXPECT_NEAR(p.explainedVariance(0), 8.0 / 3, 1e-12);
    EXPECT_NEAR(p.explainedVariance(1), 2.0 / 3, 1e-12);
    EXPECT_NEAR(p.explainedVarianceRatio(0), 0.8, 1e-12);
    EXPECT_NEAR(p.components(0, 0), 1, 1e-12);   // largest loading positive
    EXPECT_NEAR(p.components(1, 0), 0, 1e-12);
    EXPECT_NEAR(std::abs(p.components(1, 1)), 1, 1e-12);
    const Eigen::MatrixXd t = p.transform(x);
    EXPECT_NEAR(t(0, 0), 2, 1e-12);
    EXPECT_NEAR(t(1, 0), -2, 1e-12);
    EXPECT_NEAR(std::abs(t(2, 1)), 1, 1e-12);

    Eigen::Matrix2d turn;
    const double c = std::sqrt(0.5);
    turn << c, -c, c, c;
    const cwb::engine::Pca q = cwb::engine::fitPca(x * turn.transpose(), 1);
    ASSERT_EQ(q.components.cols(), 1);
    EXPECT_NEAR(q.components(0, 0), c, 1e-12);
    EXPECT_NEAR(q.components(1, 0), c, 1e-12);
    EXPECT_NEAR(q.explainedVariance(0), 8.0 / 3, 1e-12);
}
