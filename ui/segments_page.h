#pragma once
// The Segments page. At the top, making segments: RFM groups, k-means
// clusters (k given, or chosen automatically by silhouette with the chart
// to check the choice) or a rule in the filter language, checked as it is
// typed with the error pointing at the token. On the left the workspace's
// segments with size, share and what sets each apart; rename, delete,
// export members to CSV, and find lookalikes of the selected one. On the
// right, for the selected segment, its profile (each feature's mean against
// all customers, in standard deviations) and a map of a sample of customers
// on the first two principal components, coloured by the segments made
// together with it. Everything that reads or writes the workspace runs off
// the GUI thread; segmenting shows progress and can be cancelled.

#include "background_job.h"
#include "segments/segmentation.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;

class QChartView;

namespace cwb::model {
struct SegmentMap;
struct SegmentSummary;
} // namespace cwb::model

namespace cwb::ui {

class SegmentsPage : public QWidget {
    Q_OBJECT
public:
    enum Column { Name, Method, Customers, Share, Description, ColumnCount };

    explicit SegmentsPage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);

    // What the form asks for (method, k or automatic, rule, name).
    model::SegmentationRequest request() const;
    // Makes segments in the background; built() or failed() follows.
    void build(const model::SegmentationRequest& request);
    void cancelBuild();
    void reload();
    void selectSegment(const QString& name);
    QString selectedSegment() const;
    // Brings a chart to the front: profile, map or k; false for an unknown key.
    bool showChart(const QString& key);

    // The same operations the buttons ask for after their dialogs.
    void renameSegment(const QString& from, const QString& to);
    void deleteSegment(const QString& name);
    void exportSegment(const QString& name, const QString& file);
    void findLookalikes(const QString& name, qint64 top, const QString& saveAs);

    QStandardItemModel* segments() const { return list_; }
    QComboBox* methodBox() const { return method_; }
    QSpinBox* kBox() const { return k_; }
    QCheckBox* autoKBox() const { return autoK_; }
    QLineEdit* ruleEdit() const { return rule_; }
    QLineEdit* nameEdit() const { return name_; }
    QPushButton* buildButton() const { return build_; }
    QLabel* ruleMessage() const { return ruleMessage_; }
    const model::SegmentationResult* lastBuild() const { return lastBuild_ ? &*lastBuild_ : nullptr; }
    const model::SegmentSummary* profile() const { return profile_.get(); }
    const model::SegmentMap* map() const { return map_.get(); }

Q_SIGNALS:
    void listed(int segments);
    void built(int segments);
    void profiled(const QString& segment);
    void mapped(int points);
    void changed(const QString& what);   // renamed, deleted, exported, lookalikes saved
    void failed(const QString& message);

private:
    void methodChanged();
    void checkRule();
    void selectionChanged();
    void showProfile(const model::SegmentSummary& s);
    void showMap(const model::SegmentMap& m);
    void showChooseK(const model::SegmentationResult& r);
    void showError(const QString& message);
    void markRuleToken(int column);
    void askRename();
    void askDelete();
    void askExport();
    void askLookalikes();
    QStringList mapSegmentsFor(const QString& segment) const;

    QString path_;
    qint64 population_ = 0;
    JobLane* buildLane_ = nullptr;   // segmenting, lookalikes, rename, delete, export
    JobLane* listLane_ = nullptr;
    JobLane* profileLane_ = nullptr;
    JobLane* mapLane_ = nullptr;
    std::optional<model::SegmentationResult> lastBuild_;
    std::shared_ptr<model::SegmentSummary> profile_;
    std::shared_ptr<model::SegmentMap> map_;
    QStringList mapSegments_;

    QComboBox* method_ = nullptr;
    QStackedWidget* options_ = nullptr;
    QSpinBox* k_ = nullptr;
    QCheckBox* autoK_ = nullptr;
    QLineEdit* rule_ = nullptr;
    QComboBox* fields_ = nullptr;
    QLabel* ruleMessage_ = nullptr;
    QLineEdit* name_ = nullptr;
    QPushButton* build_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QLabel* status_ = nullptr;

    QStandardItemModel* list_ = nullptr;
    QTableView* view_ = nullptr;
    QPushButton* rename_ = nullptr;
    QPushButton* delete_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* lookalike_ = nullptr;

    QTabWidget* charts_ = nullptr;
    QChartView* profileChart_ = nullptr;
    QChartView* mapChart_ = nullptr;
    QLabel* mapNote_ = nullptr;
    QChartView* chooseKChart_ = nullptr;
};

} // namespace cwb::ui
