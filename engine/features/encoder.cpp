#include "features/encoder.h"

#include "features/imputer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace cwb::engine {

using Eigen::Index;

RawColumn RawColumn::numeric(std::string name, MissingPolicy missing, bool indicator, bool logScale)
{
    RawColumn c;
    c.name = std::move(name);
    c.kind = Kind::Numeric;
    c.missing = missing;
    c.indicator = indicator;
    c.logScale = logScale;
    return c;
}

RawColumn RawColumn::categorical(std::string name)
{
    RawColumn c;
    c.name = std::move(name);
    c.kind = Kind::Categorical;
    return c;
}

void RawColumn::addLabel(std::string_view label)
{
    if (label.empty()) {
        codes.push_back(-1);
        return;
    }
    auto [it, added] = index_.try_emplace(std::string(label), static_cast<std::int32_t>(dictionary.size()));
    if (added) dictionary.emplace_back(label);
    codes.push_back(it->second);
}

std::string_view RawColumn::label(std::size_t row) const
{
    const std::int32_t c = codes[row];
    return c < 0 ? std::string_view() : std::string_view(dictionary[static_cast<std::size_t>(c)]);
}

Index RawTable::rows() const { return columns.empty() ? 0 : static_cast<Index>(columns.front().size()); }

const RawColumn* RawTable::find(const std::string& name) const
{
    for (const RawColumn& c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

RawTable RawTable::rowsAt(const std::vector<Index>& rows) const
{
    RawTable out;
    for (const RawColumn& c : columns) {
        RawColumn s;
        s.name = c.name;
        s.kind = c.kind;
        s.missing = c.missing;
        s.indicator = c.indicator;
        s.logScale = c.logScale;
        if (c.kind == RawColumn::Kind::Numeric) {
            s.numbers.reserve(rows.size());
            for (Index r : rows) s.numbers.push_back(c.numbers[static_cast<std::size_t>(r)]);
        } else {
            s.dictionary = c.dictionary;
            s.codes.reserve(rows.size());
            for (Index r : rows) s.codes.push_back(c.codes[static_cast<std::size_t>(r)]);
        }
        out.columns.push_back(std::move(s));
    }
    return out;
}

std::vector<std::string> EncoderParams::validate() const
{
    std::vector<std::string> problems;
    if (!(rareShare >= 0 && rareShare < 1)) problems.push_back("the rare-level share must be from 0 up to 1");
    if (maxLevels < 1) problems.push_back("allow at least one level per category");
    return problems;
}

int EncodedInput::outputCount() const
{
    if (kind == RawColumn::Kind::Numeric) return indicator ? 2 : 1;
    return static_cast<int>(levels.size()) + (otherLevel ? 1 : 0) + (missingLevel ? 1 : 0);
}

namespace {
double signedLog(double x) { return x < 0 ? -std::log1p(-x) : std::log1p(x); }
} // namespace

double EncodedInput::encodeNumber(double v) const
{
    const double filled = std::isnan(v) ? fill : std::clamp(v, low, high);
    return logScale ? signedLog(filled) : filled;
}

TableEncoder TableEncoder::fit(const RawTable& table, const EncoderParams& params)
{
    if (auto problems = params.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    const Index n = table.rows();
    for (const RawColumn& c : table.columns)
        if (static_cast<Index>(c.size()) != n) throw std::invalid_argument("the input " + c.name + " has a different number of rows");
    TableEncoder enc;
    for (const RawColumn& c : table.columns) {
        EncodedInput in;
        in.name = c.name;
        in.kind = c.kind;
        if (c.kind == RawColumn::Kind::Numeric) {
            Eigen::Map<const Eigen::VectorXd> v(c.numbers.data(), n);
            bool anyMissing = false;
            double mx = -std::numeric_limits<double>::infinity(), mn = std::numeric_limits<double>::infinity();
            for (Index i = 0; i < n; ++i) {
                if (std::isnan(v[i])) anyMissing = true;
                else {
                    mx = std::max(mx, v[i]);
                    mn = std::min(mn, v[i]);
                }
            }
            if (mn <= mx) {
                in.low = mn;
                in.high = mx;
            }
            double fill = 0.0;
            if (c.missing == MissingPolicy::Median) fill = medianIgnoringNaN(v);
            else if (c.missing == MissingPolicy::Max) fill = mx;
            in.fill = std::isfinite(fill) ? fill : 0.0;
            in.indicator = c.indicator && anyMissing;
            in.logScale = c.logScale;
        } else {
            std::vector<Index> perCode(c.dictionary.size(), 0);
            Index missing = 0;
            for (const std::int32_t code : c.codes) {
                if (code < 0) ++missing;
                else ++perCode[static_cast<std::size_t>(code)];
            }
            // Codes of equal labels are merged (a dictionary may repeat a label).
            std::unordered_map<std::string, Index> counts;
            for (std::size_t k = 0; k < perCode.size(); ++k)
                if (perCode[k] > 0) counts[c.dictionary[k]] += perCode[k];
            std::vector<std::pair<std::string, Index>> byCount(counts.begin(), counts.end());
            std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            const double minCount = params.rareShare * static_cast<double>(n);
            for (const auto& [level, count] : byCount) {
                if (static_cast<double>(count) >= minCount && static_cast<int>(in.levels.size()) < params.maxLevels) in.levels.push_back(level);
                else in.otherLevel = true;
            }
            in.missingLevel = missing > 0;
        }
        enc.inputs_.push_back(std::move(in));
    }
    return enc;
}

TableEncoder TableEncoder::fromInputs(std::vector<EncodedInput> inputs)
{
    TableEncoder enc;
    enc.inputs_ = std::move(inputs);
    return enc;
}

Index TableEncoder::outputCount() const
{
    Index n = 0;
    for (const EncodedInput& in : inputs_) n += in.outputCount();
    return n;
}

std::vector<std::string> TableEncoder::outputNames() const
{
    std::vector<std::string> names;
    for (const EncodedInput& in : inputs_) {
        if (in.kind == RawColumn::Kind::Numeric) {
            names.push_back(in.name);
            if (in.indicator) names.push_back(in.name + "_missing");
            continue;
        }
        for (const std::string& l : in.levels) names.push_back(in.name + "=" + l);
        if (in.otherLevel) names.push_back(in.name + "=(other)");
        if (in.missingLevel) names.push_back(in.name + "=(missing)");
    }
    return names;
}

std::vector<int> TableEncoder::outputSource() const
{
    std::vector<int> source;
    for (std::size_t k = 0; k < inputs_.size(); ++k)
        source.insert(source.end(), static_cast<std::size_t>(inputs_[k].outputCount()), static_cast<int>(k));
    return source;
}

namespace {

// Calls put(row, column within the input's outputs, value) for every non-zero
// output of one input over the rows of `table` (all outputs of a numeric input).
template <class Put>
void encodeInput(const EncodedInput& in, const RawTable& table, Index n, Put&& put)
{
    const RawColumn* raw = table.find(in.name);
    if (raw && raw->kind != in.kind) throw std::invalid_argument("the input " + in.name + " changed between numeric and categorical");
    if (raw && static_cast<Index>(raw->size()) != n) throw std::invalid_argument("the input " + in.name + " has a different number of rows");
    if (in.kind == RawColumn::Kind::Numeric) {
        for (Index i = 0; i < n; ++i) {
            const double v = raw ? raw->numbers[static_cast<std::size_t>(i)] : std::numeric_limits<double>::quiet_NaN();
            put(i, 0, in.encodeNumber(v));
            if (in.indicator) put(i, 1, std::isnan(v) ? 1.0 : 0.0);
        }
        return;
    }
    std::unordered_map<std::string, Index> position;
    for (std::size_t l = 0; l < in.levels.size(); ++l) position.emplace(in.levels[l], static_cast<Index>(l));
    const Index other = static_cast<Index>(in.levels.size());
    const Index missingCol = other + (in.otherLevel ? 1 : 0);
    // Each dictionary entry's output column once; -1: none (a level unseen
    // in training with no "(other)" column stays all zeros, the reference).
    std::vector<Index> target;
    if (raw) {
        target.resize(raw->dictionary.size(), -1);
        for (std::size_t k = 0; k < raw->dictionary.size(); ++k) {
            if (auto it = position.find(raw->dictionary[k]); it != position.end()) target[k] = it->second;
            else if (in.otherLevel) target[k] = other;
        }
    }
    const Index whenMissing = in.missingLevel ? missingCol : (in.otherLevel ? other : -1);
    for (Index i = 0; i < n; ++i) {
        const std::int32_t code = raw ? raw->codes[static_cast<std::size_t>(i)] : -1;
        const Index t = code < 0 ? whenMissing : target[static_cast<std::size_t>(code)];
        if (t >= 0) put(i, t, 1.0);
    }
}

} // namespace

Eigen::MatrixXd TableEncoder::transform(const RawTable& table) const
{
    const Index n = table.rows();
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(n, outputCount());
    Index col = 0;
    for (const EncodedInput& in : inputs_) {
        encodeInput(in, table, n, [&](Index i, Index k, double v) { out(i, col + k) = v; });
        col += in.outputCount();
    }
    return out;
}

Eigen::VectorXd TableEncoder::linearContribution(const RawTable& table, const Eigen::VectorXd& weights,
                                                 const std::function<bool(const std::string&)>& include) const
{
    if (weights.size() != outputCount()) throw std::invalid_argument("linearContribution: one weight per output column");
    const Index n = table.rows();
    Eigen::VectorXd out = Eigen::VectorXd::Zero(n);
    Index col = 0;
    for (const EncodedInput& in : inputs_) {
        if (include(in.name)) encodeInput(in, table, n, [&](Index i, Index k, double v) { out[i] += v * weights[col + k]; });
        col += in.outputCount();
    }
    return out;
}

} // namespace cwb::engine
