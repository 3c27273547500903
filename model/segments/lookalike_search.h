#pragma once
// Lookalikes of a saved segment, or of one user: the users outside it most
// similar to its members on scaled features (see engine/segment/lookalike.h),
// optionally saved as a new segment.

#include "core/error.h"
#include "features/scaler.h"
#include "segment/lookalike.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cwb::model {

class Workspace;

struct LookalikeRequest {
    QString seedSegment;
    QString seedUser;                     // instead of a segment: the shop's id of one user
    qint64 top = 1000;
    engine::LookalikeMode mode = engine::LookalikeMode::Centroid;
    engine::Similarity similarity = engine::Similarity::Cosine;
    int k = 10;
    qint64 maxSeeds = 2000;               // k-nearest: seed members compared (0 = all)
    QStringList features;                 // empty = the defaults
    engine::Scaling scaling = engine::Scaling::ZScore;
    QString saveAs;                       // empty = do not save
};

struct LookalikeUser {
    qint64 uid = 0;
    QString userId;
    double similarity = 0;
};

struct LookalikeResult {
    QString seedSegment;
    qint64 seedSize = 0;
    qint64 candidates = 0;
    QList<LookalikeUser> users;
    QStringList features;
    double seconds = 0;
};

Result<LookalikeResult> findLookalikeUsers(Workspace& workspace, const LookalikeRequest& request);

} // namespace cwb::model
