#pragma once
// The workbench's main window: opens a workspace (in the background) and
// shows it in pages — Data (every table, browsable however big), Segments
// (making, inspecting and using them), Profiles (one customer at a time),
// Campaigns (the designer with its live forecast), Models (training them and
// reading their quality) and Reports (campaign reports and target lists). Data comes
// in through the import wizard (File menu, or a CSV dropped on the window);
// the status bar shows the background job running and cancels it.

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QProgressBar;
class QMenu;
class QTabWidget;

namespace cwb::model {
class TableStatsModel;
}

namespace cwb::ui {

class DataPage;
class DesignerPage;
class ImportWizard;
class JobStatus;
class ModelsPage;
class ProfilePage;
class ReportsPage;
class SegmentsPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path` in the background; loaded() or failed() follows.
    void openWorkspace(const QString& path);
    QString workspacePath() const { return path_; }
    const model::TableStatsModel* tableStats() const;
    DataPage* dataPage() const { return dataPage_; }
    SegmentsPage* segmentsPage() const { return segmentsPage_; }
    ProfilePage* profilePage() const { return profilePage_; }
    DesignerPage* designerPage() const { return designerPage_; }
    ModelsPage* modelsPage() const { return modelsPage_; }
    ReportsPage* reportsPage() const { return reportsPage_; }
    JobStatus* jobStatus() const { return jobStatus_; }
    // Opens the import wizard on `file` (or lets the user choose one when
    // empty); null, after saying why, when no workspace is open.
    ImportWizard* importData(const QString& file = QString());
    // Brings a page to the front by its key (data, segments, profiles, campaigns, models, reports); false for an unknown key.
    bool showPage(const QString& key);

Q_SIGNALS:
    void loaded();
    void failed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct LoadResult;
    void buildMenus();
    void showLoaded(const LoadResult& result);
    void showError(const QString& message);
    void rememberRecent(const QString& path);
    void refreshRecentMenu();
    void chooseAndOpen();
    void chooseAndCreate();
    void showAbout();
    void chooseLanguage(const QString& language);

    QTabWidget* pages_ = nullptr;
    DataPage* dataPage_ = nullptr;
    SegmentsPage* segmentsPage_ = nullptr;
    ProfilePage* profilePage_ = nullptr;
    DesignerPage* designerPage_ = nullptr;
    ModelsPage* modelsPage_ = nullptr;
    ReportsPage* reportsPage_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* statusWorkspace_ = nullptr;
    QProgressBar* busy_ = nullptr;
    JobStatus* jobStatus_ = nullptr;
    QAction* importAction_ = nullptr;
    QPointer<ImportWizard> importWizard_;
    QMenu* recentMenu_ = nullptr;
    QString path_;
    int generation_ = 0;   // results of superseded loads are dropped
};

} // namespace cwb::ui
