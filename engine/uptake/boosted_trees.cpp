#include "uptake/boosted_trees.h"

#include "core/random.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cwb::engine {

using Eigen::Index;

namespace {

void check(int rc, const char* what)
{
    if (rc != 0) throw std::runtime_error(std::string("boosted trees: ") + what + " failed: " + XGBGetLastError());
}

// xgboost logs warnings to stderr unless told otherwise; keep the CLI's stderr for our own messages.
void silenceXgboost()
{
    static std::once_flag once;
    std::call_once(once, [] {
        XGBRegisterLogCallback([](const char*) {});
        XGBSetGlobalConfig(R"({"verbosity": 0})");
    });
}

using RowMajorF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct DMatrix {
    DMatrixHandle h = nullptr;
    DMatrix(const RowMajorF& x)
    {
        check(XGDMatrixCreateFromMat(x.data(), static_cast<bst_ulong>(x.rows()), static_cast<bst_ulong>(x.cols()),
                                     std::numeric_limits<float>::quiet_NaN(), &h),
              "creating the data matrix");
    }
    ~DMatrix() { XGDMatrixFree(h); }
    DMatrix(const DMatrix&) = delete;
    DMatrix& operator=(const DMatrix&) = delete;
    void setFloat(const char* field, const std::vector<float>& v)
    {
        check(XGDMatrixSetFloatInfo(h, field, v.data(), static_cast<bst_ulong>(v.size())), field);
    }
};

RowMajorF rowsOf(const Eigen::MatrixXd& x, const std::vector<Index>& rows)
{
    RowMajorF out(static_cast<Index>(rows.size()), x.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Index>(i)) = x.row(rows[i]).cast<float>();
    return out;
}

int threadCount(int threads)
{
    if (threads > 0) return threads;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

struct BoostedTreesModel::Booster {
    BoosterHandle h = nullptr;
    std::mutex mutex;   // xgboost's prediction buffers belong to the booster
    ~Booster() { XGBoosterFree(h); }
};

std::vector<std::string> BoostedTreesParams::validate() const
{
    std::vector<std::string> problems;
    if (maxTrees < 1) problems.push_back("ask for at least one tree");
    if (maxDepth < 1 || maxDepth > 16) problems.push_back("the tree depth must be from 1 to 16");
    if (!(learningRate > 0 && learningRate <= 1)) problems.push_back("the learning rate must be above 0 and at most 1");
    if (!(subsample > 0 && subsample <= 1)) problems.push_back("the row share per tree must be above 0 and at most 1");
    if (!(colsample > 0 && colsample <= 1)) problems.push_back("the column share per tree must be above 0 and at most 1");
    if (!(minChildWeight >= 0)) problems.push_back("the minimum leaf weight must not be negative");
    if (!(l2 >= 0)) problems.push_back("the L2 penalty must not be negative");
    if (earlyStoppingRounds < 1) problems.push_back("early stopping needs at least one round");
    if (!(validationShare >= 0 && validationShare < 0.9)) problems.push_back("the validation share must be from 0 up to 0.9");
    return problems;
}

BoostedTreesModel::BoostedTreesModel() = default;

BoostedTreesModel BoostedTreesModel::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const BoostedTreesParams& p,
                                         const Eigen::VectorXd* weights)
{
    if (auto problems = p.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    if (y.size() != x.rows() || (weights && weights->size() != x.rows()))
        throw std::invalid_argument("rows, outcomes and weights differ in length");
    if (x.rows() == 0) throw std::invalid_argument("no rows to fit");
    silenceXgboost();

    // A seeded random share of the rows validates (for early stopping).
    std::vector<Index> train, valid;
    Rng rng(p.seed, 0x7472656573ULL);
    if (p.validationShare > 0 && x.rows() >= 50) {
        for (Index i = 0; i < x.rows(); ++i) (rng.uniform() < p.validationShare ? valid : train).push_back(i);
        if (valid.empty() || train.empty()) {
            train.clear();
            valid.clear();
        }
    }
    if (train.empty()) {
        train.resize(static_cast<std::size_t>(x.rows()));
        for (Index i = 0; i < x.rows(); ++i) train[static_cast<std::size_t>(i)] = i;
    }
    auto labels = [&](const std::vector<Index>& rows) {
        std::vector<float> v(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) v[i] = static_cast<float>(y[rows[i]]);
        return v;
    };
    auto weightsOf = [&](const std::vector<Index>& rows) {
        std::vector<float> v(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) v[i] = static_cast<float>((*weights)[rows[i]]);
        return v;
    };

    const RowMajorF trainX = rowsOf(x, train);
    DMatrix dtrain(trainX);
    dtrain.setFloat("label", labels(train));
    if (weights) dtrain.setFloat("weight", weightsOf(train));
    std::unique_ptr<DMatrix> dvalid;
    RowMajorF validX;
    if (!valid.empty()) {
        validX = rowsOf(x, valid);
        dvalid = std::make_unique<DMatrix>(validX);
        dvalid->setFloat("label", labels(valid));
        if (weights) dvalid->setFloat("weight", weightsOf(valid));
    }

    BoostedTreesModel m;
    m.booster_ = std::make_shared<Booster>();
    m.features_ = x.cols();
    DMatrixHandle cache[2] = {dtrain.h, dvalid ? dvalid->h : nullptr};
    check(XGBoosterCreate(cache, dvalid ? 2 : 1, &m.booster_->h), "creating the model");
    auto set = [&](const char* name, const std::string& value) { check(XGBoosterSetParam(m.booster_->h, name, value.c_str()), name); };
    char buf[64];
    auto num = [&](double v) {
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return std::string(buf);
    };
    set("objective", "binary:logistic");
    set("eval_metric", "logloss");
    set("tree_method", "hist");
    set("max_depth", std::to_string(p.maxDepth));
    set("eta", num(p.learningRate));
    set("subsample", num(p.subsample));
    set("colsample_bytree", num(p.colsample));
    set("min_child_weight", num(p.minChildWeight));
    set("lambda", num(p.l2));
    set("seed", std::to_string(p.seed % 2147483647ULL));
    set("nthread", std::to_string(threadCount(p.threads)));
    set("verbosity", "0");

    double best = std::numeric_limits<double>::infinity();
    int bestTrees = 0;
    const char* names[1] = {"valid"};
    for (int it = 0; it < p.maxTrees; ++it) {
        check(XGBoosterUpdateOneIter(m.booster_->h, it, dtrain.h), "training a tree");
        if (p.progress && !p.progress(it + 1, p.maxTrees)) {
            m.cancelled_ = true;
            bestTrees = it + 1;
            break;
        }
        if (!dvalid) {
            bestTrees = it + 1;
            continue;
        }
        const char* out = nullptr;
        DMatrixHandle evals[1] = {dvalid->h};
        check(XGBoosterEvalOneIter(m.booster_->h, it, evals, names, 1, &out), "evaluating");
        // "[it]\tvalid-logloss:0.123"
        const char* colon = std::strrchr(out, ':');
        const double loss = colon ? std::strtod(colon + 1, nullptr) : std::numeric_limits<double>::quiet_NaN();
        if (loss < best - 1e-12) {
            best = loss;
            bestTrees = it + 1;
        } else if (it + 1 - bestTrees >= p.earlyStoppingRounds) {
            break;
        }
    }
    m.validationLogLoss_ = dvalid ? best : std::numeric_limits<double>::quiet_NaN();
    // Keep only the trees up to the best validation loss.
    BoosterHandle sliced = nullptr;
    check(XGBoosterSlice(m.booster_->h, 0, bestTrees, 1, &sliced), "keeping the best trees");
    XGBoosterFree(m.booster_->h);
    m.booster_->h = sliced;
    m.trees_ = bestTrees;
    return m;
}

Eigen::VectorXd BoostedTreesModel::predictProba(const Eigen::MatrixXd& x) const
{
    if (!booster_) throw std::logic_error("predicting with an untrained model");
    if (x.cols() != features_) throw std::invalid_argument("the model was trained on a different number of features");
    Eigen::VectorXd out(x.rows());
    if (x.rows() == 0) return out;
    // In blocks, so that the float copy stays small.
    constexpr Index kBlock = 65536;
    RowMajorF block;
    std::lock_guard<std::mutex> lock(booster_->mutex);
    for (Index b = 0; b < x.rows(); b += kBlock) {
        const Index e = std::min(x.rows(), b + kBlock);
        block = x.middleRows(b, e - b).cast<float>();
        char iface[256];
        std::snprintf(iface, sizeof iface, R"({"data": [%llu, true], "shape": [%lld, %lld], "typestr": "<f4", "version": 3})",
                      static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(block.data())),
                      static_cast<long long>(block.rows()), static_cast<long long>(block.cols()));
        const bst_ulong* shape = nullptr;
        bst_ulong dim = 0;
        const float* result = nullptr;
        check(XGBoosterPredictFromDense(booster_->h, iface,
                                        R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false, "cache_id": 0, "missing": NaN})",
                                        nullptr, &shape, &dim, &result),
              "predicting");
        for (Index i = 0; i < e - b; ++i) out[b + i] = result[i];
    }
    return out;
}

Eigen::VectorXd BoostedTreesModel::gainImportance() const
{
    Eigen::VectorXd gain = Eigen::VectorXd::Zero(features_);
    if (!booster_ || trees_ == 0) return gain;
    std::lock_guard<std::mutex> lock(booster_->mutex);
    bst_ulong n = 0, dim = 0;
    const char** names = nullptr;
    const bst_ulong* shape = nullptr;
    const float* scores = nullptr;
    check(XGBoosterFeatureScore(booster_->h, R"({"importance_type": "total_gain"})", &n, &names, &dim, &shape, &scores), "feature importance");
    for (bst_ulong k = 0; k < n; ++k) {
        // Unnamed features are reported as "f<index>".
        if (names[k][0] != 'f') continue;
        const long idx = std::strtol(names[k] + 1, nullptr, 10);
        if (idx >= 0 && idx < features_) gain[idx] = scores[k];
    }
    return gain;
}

std::vector<char> BoostedTreesModel::serialize() const
{
    if (!booster_) return {};
    std::lock_guard<std::mutex> lock(booster_->mutex);
    bst_ulong len = 0;
    const char* data = nullptr;
    check(XGBoosterSaveModelToBuffer(booster_->h, R"({"format": "json"})", &len, &data), "saving the model");
    return std::vector<char>(data, data + len);
}

BoostedTreesModel BoostedTreesModel::deserialize(const std::vector<char>& bytes, Index features, int trees)
{
    silenceXgboost();
    BoostedTreesModel m;
    m.booster_ = std::make_shared<Booster>();
    check(XGBoosterCreate(nullptr, 0, &m.booster_->h), "creating the model");
    check(XGBoosterLoadModelFromBuffer(m.booster_->h, bytes.data(), static_cast<bst_ulong>(bytes.size())), "loading the model");
    bst_ulong nf = 0;
    check(XGBoosterGetNumFeature(m.booster_->h, &nf), "reading the model");
    if (static_cast<Index>(nf) != features) throw std::runtime_error("the saved trees expect " + std::to_string(nf) + " features, not " + std::to_string(features));
    m.features_ = features;
    m.trees_ = trees;
    return m;
}

std::string xgboostVersion()
{
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

} // namespace cwb::engine
