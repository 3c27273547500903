#pragma once
// The Profiles page: one customer at a time. Search by the shop's user id;
// the card shows who they are (attributes, the shop's own fields), their RFM
// scores and group, key figures, churn risk, interests, searches and
// segments; a chart shows their orders and events week by week; a button
// finds the customers most like them (double-click one to open their
// profile). Reading a profile (which may build the features first) and the
// lookalike search run off the GUI thread; a newer request drops an older
// one's result.

#include "profile/user_profile.h"
#include "segments/lookalike_search.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;

class QChartView;

namespace cwb::ui {

class JobLane;

class ProfilePage : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    // Looks the user up in the background; shown() or failed() follows.
    // Cancel stops it (and the feature build a first profile may start).
    void showUser(const QString& userId);
    void cancel();
    void findLookalikes();

    const model::UserProfile* profile() const { return profile_ ? &*profile_ : nullptr; }
    QLineEdit* searchEdit() const { return search_; }
    QPushButton* findLikeButton() const { return findLike_; }
    QStandardItemModel* lookalikes() const { return lookalikes_; }
    QString cardText() const;

Q_SIGNALS:
    void shown(const QString& userId);
    void lookalikesShown(int count);
    void failed(const QString& message);

private:
    void showProfile(const model::UserProfile& p);
    void showChart(const model::UserProfile& p);
    void setBusy(const QString& what);
    void idle();

    QString path_;
    std::optional<model::UserProfile> profile_;
    int generation_ = 0;
    QLineEdit* search_ = nullptr;
    QPushButton* go_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* cancel_ = nullptr;
    JobLane* loadLane_ = nullptr;   // the profile (and the features it may build first)
    QLabel* status_ = nullptr;
    QLabel* card_ = nullptr;
    QChartView* chart_ = nullptr;
    QPushButton* findLike_ = nullptr;
    QStandardItemModel* lookalikes_ = nullptr;
    QTableView* lookalikeView_ = nullptr;
};

} // namespace cwb::ui
