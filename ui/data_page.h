#pragma once
// The Data page: the workspace's tables with their row counts on the left;
// the chosen table's rows on the right, read a page at a time from SQLite
// (model::TableBrowserModel), with a filter on one column and sorting by a
// click on a column's header. Ordering a big table runs off the GUI thread,
// with a busy bar and a Cancel button; the view never waits for it.

#include "workspace/workspace.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace cwb::model {
class TableBrowserModel;
class TableStatsModel;
} // namespace cwb::model

namespace cwb::ui {

class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget* parent = nullptr);

    // The workspace at `path` with its tables' row counts; shows the first table with rows.
    void setWorkspace(const QString& path, const QList<model::TableCount>& counts);
    void showTable(const QString& table);

    const model::TableStatsModel* tableStats() const { return stats_; }
    model::TableBrowserModel* browser() const { return browser_; }
    QTableView* rowsView() const { return rows_; }
    QLineEdit* filterEdit() const { return filterText_; }
    QComboBox* filterColumn() const { return filterColumn_; }

private:
    void applyFilter();
    void showBusy(bool busy);
    void describeRows();

    QString path_;
    model::TableStatsModel* stats_ = nullptr;
    QSortFilterProxyModel* sortedStats_ = nullptr;
    QSplitter* split_ = nullptr;
    QTableView* tables_ = nullptr;
    model::TableBrowserModel* browser_ = nullptr;
    QTableView* rows_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* info_ = nullptr;
    QComboBox* filterColumn_ = nullptr;
    QLineEdit* filterText_ = nullptr;
    QTimer* filterDelay_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

} // namespace cwb::ui
