#pragma once
// The workspace's canonical tables with their row counts and what each holds,
// for the main window's overview.

#include "workspace/workspace.h"

#include <QAbstractTableModel>

namespace cwb::model {

class TableStatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Table, Rows, Contents, ColumnCount };

    explicit TableStatsModel(QObject* parent = nullptr);

    void setCounts(const QList<TableCount>& counts);
    void clear();
    qint64 rows(const QString& table) const;
    QString tableAt(int row) const { return row >= 0 && row < counts_.size() ? counts_[row].table : QString(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A table's name and what it holds, in the user's language.
    static QString displayName(const QString& table);
    static QString describeTable(const QString& table);

private:
    QList<TableCount> counts_;
};

} // namespace cwb::model
