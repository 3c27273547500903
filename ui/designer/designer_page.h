#pragma once
// The Campaigns page: the campaign designer. On the left the workspace's
// campaigns (new, duplicate, rename, delete; several selected: compare); in
// the middle the form of the chosen campaign, its type's terms and the common
// ones, with problems shown next to their field; on the right the live
// preview — headline figures with their 90 % intervals, the engine's
// warnings and the charts — recomputed off the GUI thread as the user drags
// (LivePreview). Every edit is undoable (QUndoStack), the title says when
// there are unsaved changes, and Save writes the campaign to the workspace.
// Optimise searches better terms with progress and shows them beside the
// current ones; applying one is a single undoable step. Compare shows two or
// three campaigns' figures and curves side by side on shared axes.

#include "campaign/campaign_spec.h"
#include "campaigns/campaign_optimizer.h"
#include "campaigns/campaign_store.h"
#include "designer/live_preview.h"
#include "report/report_format.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QToolButton;
class QUndoStack;

namespace cwb::ui {

class CampaignForm;
class JobLane;

class DesignerPage : public QWidget {
    Q_OBJECT
public:
    explicit DesignerPage(QWidget* parent = nullptr);
    ~DesignerPage() override;

    void setWorkspace(const QString& path);

    // The list.
    int listedCampaigns() const;
    bool selectCampaign(qint64 id);                 // opens it in the editor; false if not listed
    bool selectCampaigns(const QList<qint64>& ids);  // several, for Compare
    qint64 currentCampaign() const { return campaign_; }
    // Creates a draft of `type` with usual terms and opens it; created() follows.
    void newCampaign(engine::CampaignType type);
    void duplicateCampaign();
    void renameCampaign(const QString& name);
    void deleteCampaign();

    // The editor.
    CampaignForm* form() const { return form_; }
    QUndoStack* undoStack() const { return undo_; }
    const engine::CampaignSpec& spec() const { return spec_; }
    bool hasUnsavedChanges() const;
    bool isReadOnly() const { return readOnly_; }
    // Saves the edited campaign; saved() follows, or saveRefused() with the problems shown.
    void save();
    void optimize();
    // Applies optimised terms `index` of the last search (0 = the best), as one undoable step.
    bool applyOptimized(int index);
    const std::optional<model::OptimizeResult>& optimizeResult() const { return optimized_; }
    void compare();
    void cancel();
    // Asks whether to save unsaved changes (when the page is shown); false when the user cancels.
    bool confirmLeave();
    // The workspace's models or segments changed: forecast again, list the choices again.
    void refresh();

    // The preview, for tests, screenshots and the benchmark.
    LivePreview* livePreview() const { return live_; }
    std::shared_ptr<const PreviewFigures> shownFigures() const { return shown_; }
    QTableWidget* headline() const { return headline_; }
    QTableWidget* comparisonTable() const { return compareTable_; }
    QTableWidget* optimizeTable() const { return optimizeTable_; }
    QString optimizeNoteText() const;
    QString warningsText() const;
    QString statusText() const;
    QString titleText() const;
    QList<QChartView*> charts() const { return charts_; }
    QList<QChartView*> comparisonCharts() const { return compareCharts_; }

Q_SIGNALS:
    void campaignsListed();
    void opened(qint64 campaign);
    void created(qint64 campaign);
    void saved(qint64 campaign);
    void saveRefused(const QString& problems);
    void deleted(qint64 campaign);
    void optimized();
    void compared();
    // A preview was shown: `settled` when it holds the full figures of what the form shows.
    void previewShown(bool settled);
    void campaignsChanged();   // created, saved, renamed or deleted: other pages list them again
    void failed(const QString& message);

private:
    friend class SpecEdit;
    void listCampaigns(qint64 select = 0);
    void openCampaign(const model::CampaignInfo& info);
    // An edit made in the form (already showing it) or applied by undo/redo/optimise (`toForm`).
    void specChanged(const engine::CampaignSpec& spec, bool toForm);
    QList<QPair<QString, QString>> problems(const engine::CampaignSpec& spec) const;
    void showFigures(const std::shared_ptr<const PreviewFigures>& f);
    void setChart(int index, QChart* chart);
    void showOptimized();
    void showComparison();
    // The status line says `what` (with %1 for the message) and failed(message) is sent.
    void showFailure(const QString& what, const QString& message);
    void updateTitle();
    void updateButtons();
    void createFrom(engine::CampaignSpec spec);
    QList<qint64> selectedIds() const;

    QString path_;
    ReportFormat format_;
    QList<model::CampaignInfo> campaigns_;
    qint64 campaign_ = 0;
    engine::CampaignSpec spec_;
    bool readOnly_ = true;
    bool hasTerms_ = false;   // imported history may have no offer terms
    std::shared_ptr<const PreviewFigures> shown_;
    std::optional<model::OptimizeResult> optimized_;
    struct Compared;
    std::shared_ptr<const Compared> compared_;

    JobLane* listLane_ = nullptr;
    JobLane* storeLane_ = nullptr;
    JobLane* workLane_ = nullptr;   // optimise and compare
    LivePreview* live_ = nullptr;
    QUndoStack* undo_ = nullptr;

    QTableWidget* list_ = nullptr;
    QToolButton* newButton_ = nullptr;
    QPushButton* duplicateButton_ = nullptr;
    QPushButton* renameButton_ = nullptr;
    QPushButton* deleteButton_ = nullptr;
    QPushButton* compareButton_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* note_ = nullptr;
    QPushButton* undoButton_ = nullptr;
    QPushButton* redoButton_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* optimizeButton_ = nullptr;
    CampaignForm* form_ = nullptr;

    QStackedWidget* right_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QLabel* source_ = nullptr;
    QTableWidget* headline_ = nullptr;
    QLabel* warnings_ = nullptr;
    QList<QChartView*> charts_;
    QTableWidget* optimizeTable_ = nullptr;
    QLabel* optimizeNote_ = nullptr;
    QTableWidget* compareTable_ = nullptr;
    QList<QChartView*> compareCharts_;
};

} // namespace cwb::ui
