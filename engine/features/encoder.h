#pragma once
// Turns a table of raw inputs — numbers with gaps and text categories — into
// the numeric matrix a model is fitted on, the same way at training and at
// scoring time:
//   - a numeric input: missing values filled (zero, median or maximum of the
//     training data), held inside the training data's range, optionally
//     sign(x) log(1 + |x|), and a 0/1
//     "<name>_missing" column when the training data had gaps and the input
//     asks for one;
//   - a categorical input: one 0/1 column per level seen in at least
//     `rareShare` of the training rows (at most `maxLevels`, most frequent
//     first), one "(other)" column for the rarer and unseen levels, and one
//     "(missing)" column when the training data had gaps.
// The fitted encoder is plain data (EncodedInput), so it can be saved with a
// model and rebuilt from it.

#include "features/feature_table.h"

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cwb::engine {

struct RawColumn {
    enum class Kind { Numeric, Categorical };
    std::string name;
    Kind kind = Kind::Numeric;
    MissingPolicy missing = MissingPolicy::Median;
    bool indicator = false;
    bool logScale = false;
    std::vector<double> numbers;            // Numeric: NaN = missing
    // Categorical, dictionary-coded so that millions of rows stay small:
    // codes index `dictionary`, -1 = missing.
    std::vector<std::int32_t> codes;
    std::vector<std::string> dictionary;

    static RawColumn numeric(std::string name, MissingPolicy missing, bool indicator = false, bool logScale = false);
    static RawColumn categorical(std::string name);
    std::size_t size() const { return kind == Kind::Numeric ? numbers.size() : codes.size(); }
    // Categorical: appends a row; an empty label is missing.
    void addLabel(std::string_view label);
    // The label of a categorical row ("" when missing).
    std::string_view label(std::size_t row) const;

private:
    std::unordered_map<std::string, std::int32_t> index_;
};

struct RawTable {
    std::vector<RawColumn> columns;
    Eigen::Index rows() const;
    // The column called `name`, or nullptr.
    const RawColumn* find(const std::string& name) const;
    // The given rows, in that order.
    RawTable rowsAt(const std::vector<Eigen::Index>& rows) const;
};

struct EncoderParams {
    double rareShare = 0.01;   // categorical levels rarer than this share go to "(other)"
    int maxLevels = 30;        // at most this many levels per categorical input
    std::vector<std::string> validate() const;
};

// One fitted input and the output columns it produces.
struct EncodedInput {
    std::string name;
    RawColumn::Kind kind = RawColumn::Kind::Numeric;
    // Numeric
    double fill = 0.0;
    bool indicator = false;            // a "<name>_missing" column follows
    bool logScale = false;
    // The range seen in training (before any log). Values outside it are moved to
    // its edge: a model says nothing about inputs it never saw, and a linear
    // model would otherwise extrapolate without bound (an offer starting at 3 am
    // when every past campaign started between 8 am and 8 pm).
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    // Categorical
    std::vector<std::string> levels;   // one column each, in this order
    bool otherLevel = false;           // then "(other)"
    bool missingLevel = false;         // then "(missing)"

    int outputCount() const;
    // A numeric input's first output for the raw value v (NaN = missing): filled, held to the
    // training range, on the log scale if it is; the indicator, when there is one, is isnan(v).
    double encodeNumber(double v) const;
};

class TableEncoder {
public:
    static TableEncoder fit(const RawTable& table, const EncoderParams& params = {});
    static TableEncoder fromInputs(std::vector<EncodedInput> inputs);

    // Rows of `table` encoded; an input absent from `table` counts as missing throughout.
    Eigen::MatrixXd transform(const RawTable& table) const;
    // transform(table) * weights restricted to the output columns of the inputs that
    // `include` accepts, without building the matrix: lets a linear model re-score
    // a few inputs of millions of rows (an offer's terms) and keep the rest.
    Eigen::VectorXd linearContribution(const RawTable& table, const Eigen::VectorXd& weights,
                                       const std::function<bool(const std::string&)>& include) const;

    const std::vector<EncodedInput>& inputs() const { return inputs_; }
    // Names of the output columns: "age", "age_missing", "gender=female", "gender=(other)", ...
    std::vector<std::string> outputNames() const;
    // For each output column, the index of the input it comes from.
    std::vector<int> outputSource() const;
    Eigen::Index outputCount() const;

private:
    std::vector<EncodedInput> inputs_;
};

} // namespace cwb::engine
