#pragma once
// The workbench's main window. For now it opens a workspace and shows its
// tables with their row counts; later pages (segments, profiles, campaigns,
// models, reports) hang off the same window.

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QProgressBar;
class QTableView;
class QSortFilterProxyModel;
class QMenu;

namespace cwb::model {
class TableStatsModel;
}

namespace cwb::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path` in the background; loaded() or failed() follows.
    void openWorkspace(const QString& path);
    QString workspacePath() const { return path_; }
    const model::TableStatsModel* tableStats() const { return stats_; }

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

    model::TableStatsModel* stats_ = nullptr;
    QSortFilterProxyModel* sorted_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* statusWorkspace_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QString path_;
    int generation_ = 0;   // results of superseded loads are dropped
};

} // namespace cwb::ui
