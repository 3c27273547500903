#pragma once
// Making segments: RFM groups, k-means clusters or a rule, saved with their
// members and summarised — size, share, mean features against the whole
// population, and a description in words of what sets each apart.

#include "core/error.h"
#include "features/scaler.h"
#include "segment/choose_k.h"
#include "segment/kmeans.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cwb::model {

class Workspace;
class Database;

enum class SegmentMethod { Rfm, KMeans, Rule };

struct SegmentationRequest {
    SegmentMethod method = SegmentMethod::Rfm;
    QString name;                  // rule: the segment's name; k-means: prefix of the cluster names
    QString rule;
    int k = 6;
    bool autoK = false;
    int kMin = 2, kMax = 10;
    QStringList features;          // k-means; empty = the defaults
    engine::Scaling scaling = engine::Scaling::ZScore;
    quint64 seed = 42;
    int nInit = 4;
    int maxIter = 300;
    engine::KMeansAlgorithm algorithm = engine::KMeansAlgorithm::Lloyd;
    Eigen::Index silhouetteSample = 10000;
    bool save = true;
};

struct FeatureComparison {
    QString feature;
    double mean = 0;
    double population = 0;
    double difference = 0;   // standardised: (mean - population) / population sd
};

struct SegmentSummary {
    qint64 id = 0;           // once saved
    QString name;
    qint64 size = 0;
    double share = 0;
    QString description;     // "recent buyers, high spend, mostly browse Electronics, 23% of users"
    QList<FeatureComparison> features;
};

struct SegmentationResult {
    QList<SegmentSummary> segments;
    QStringList features;               // k-means: what it clustered on
    QList<engine::KScore> kScores;      // --auto-k
    int chosenK = 0;
    int elbowK = 0;
    double inertia = 0;
    qint64 population = 0;
    bool featuresRebuilt = false;
    bool cancelled = false;
};

Result<SegmentationResult> runSegmentation(Workspace& workspace, const SegmentationRequest& request,
                                           const std::function<bool(const QString&, double)>& progress = {});

// Size, share, description and feature means of a set of users (by uid) against everyone.
Result<SegmentSummary> summarizeMembers(Database& db, const QString& name, const std::vector<qint64>& members);

} // namespace cwb::model
