#pragma once
// Everything about one customer on one page: who they are, their RFM scores
// and group, what they are interested in, how active they have been week by
// week, their churn risk and the segments they belong to.

#include "core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cwb::model {

class Workspace;

struct InterestTag {
    QString category;
    qint64 views = 0;
    qint64 purchases = 0;
    double viewShare = 0;       // of the customer's views
    double purchaseShare = 0;   // of the customer's purchases
};

struct WeekActivity {
    qint64 weekStart = 0;       // Monday 00:00 UTC, Unix seconds
    qint64 orders = 0;
    qint64 events = 0;
};

struct UserProfile {
    qint64 uid = 0;
    QString userId;
    std::optional<qint64> signupDate;
    std::optional<int> age;
    QString gender, region, city, occupation, memberTier;
    QJsonObject attributes;

    qint64 asOf = 0;
    QJsonObject features;       // every stored feature, by name (null when missing)
    int rfmR = 0, rfmF = 0, rfmM = 0;   // 0 for prospects
    QString rfmGroup;
    std::optional<double> churnRisk;    // 0-100
    QString churnBand;                  // Low / Medium / High (translated), empty without a score
    QList<InterestTag> interests;       // most viewed or bought categories first
    QStringList topSearches;
    QList<WeekActivity> timeline;       // the 26 weeks up to the reference date
    QStringList segments;
};

// By the shop's user id; builds the features first if they are missing or
// stale, reporting that build's progress (return false to cancel it).
Result<UserProfile> loadUserProfile(Workspace& workspace, const QString& userId, int weeks = 26,
                                    const std::function<bool(const QString&, double)>& progress = {});

} // namespace cwb::model
