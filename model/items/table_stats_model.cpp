#include "items/table_stats_model.h"

#include <QLocale>

namespace cwb::model {

TableStatsModel::TableStatsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableStatsModel::setCounts(const QList<TableCount>& counts)
{
    beginResetModel();
    counts_ = counts;
    endResetModel();
}

void TableStatsModel::clear() { setCounts({}); }

qint64 TableStatsModel::rows(const QString& table) const
{
    for (const TableCount& c : counts_)
        if (c.table == table) return c.rows;
    return -1;
}

int TableStatsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(counts_.size()); }

int TableStatsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TableStatsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const TableCount& c = counts_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Table: return QStringLiteral("%1  (%2)").arg(displayName(c.table), c.table);
        case Rows: return QLocale().toString(c.rows);
        case Contents: return describeTable(c.table);
        }
        break;
    case Qt::UserRole:   // sort key
        return index.column() == Rows ? QVariant(c.rows) : data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return index.column() == Rows ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        return describeTable(c.table);
    default: break;
    }
    return {};
}

QVariant TableStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Table: return tr("Table");
    case Rows: return tr("Rows");
    case Contents: return tr("Contents");
    }
    return {};
}

QString TableStatsModel::displayName(const QString& t)
{
    if (t == QLatin1String("users")) return tr("Customers");
    if (t == QLatin1String("products")) return tr("Products");
    if (t == QLatin1String("events")) return tr("Behaviour events");
    if (t == QLatin1String("orders")) return tr("Orders");
    if (t == QLatin1String("order_items")) return tr("Order lines");
    if (t == QLatin1String("campaigns")) return tr("Campaigns");
    if (t == QLatin1String("exposures")) return tr("Exposures");
    if (t == QLatin1String("responses")) return tr("Responses");
    if (t == QLatin1String("segments")) return tr("Segments");
    if (t == QLatin1String("segment_members")) return tr("Segment members");
    if (t == QLatin1String("models")) return tr("Models");
    return t;
}

QString TableStatsModel::describeTable(const QString& t)
{
    if (t == QLatin1String("users")) return tr("Customers: profile, member tier and the shop's own attributes");
    if (t == QLatin1String("products")) return tr("Products: name, category and price");
    if (t == QLatin1String("events")) return tr("Behaviour: views, searches, carts, favourites and purchases");
    if (t == QLatin1String("orders")) return tr("Orders: time, amount, items and coupon used");
    if (t == QLatin1String("order_items")) return tr("Order lines: product, quantity and unit price");
    if (t == QLatin1String("campaigns")) return tr("Campaigns: coupons, flash sales, member offers and their settings");
    if (t == QLatin1String("exposures")) return tr("Who was sent each campaign, and who was held out as control");
    if (t == QLatin1String("responses")) return tr("What each exposed customer did: visited, redeemed, bought, spent");
    if (t == QLatin1String("segments")) return tr("Customer segments");
    if (t == QLatin1String("segment_members")) return tr("Which customers belong to which segment");
    if (t == QLatin1String("models")) return tr("Trained uptake and uplift models");
    return {};
}

} // namespace cwb::model
