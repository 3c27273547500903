#pragma once
// A picture of the customers in two dimensions: the first two principal
// components of the scaled features segmentation uses (the same imputation,
// log scaling and z-scores), fitted on everyone, drawn for a seeded sample,
// each point labelled with the first of the chosen segments it belongs to.

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace cwb::model {

class Workspace;

struct SegmentMapRequest {
    QStringList segments;      // names; a customer takes the first one they are in
    qint64 sample = 5000;      // customers drawn (all when fewer)
    quint64 seed = 42;
};

struct SegmentMapAxis {
    double varianceShare = 0;  // of the total variance of the scaled features
    QStringList leading;       // the features with the largest loadings, "+name" or "-name"
};

struct SegmentMap {
    QStringList segments;              // as asked, in order
    std::vector<double> x, y;          // per drawn customer
    std::vector<int> segment;          // index into `segments`, -1 for none of them
    SegmentMapAxis axes[2];
    QStringList features;
    qint64 population = 0;
};

Result<SegmentMap> segmentMap(Workspace& workspace, const SegmentMapRequest& request);

} // namespace cwb::model
