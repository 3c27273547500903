#include "segments_page.h"

#include "report/campaign_charts.h"

#include "features/feature_catalog.h"
#include "segments/lookalike_search.h"
#include "segments/rule_query.h"
#include "segments/segment_export.h"
#include "segments/segment_map.h"
#include "segments/segment_store.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

namespace {

QString methodLabel(const QString& method)
{
    if (method == QLatin1String("rfm")) return SegmentsPage::tr("RFM group");
    if (method == QLatin1String("kmeans")) return SegmentsPage::tr("k-means cluster");
    if (method == QLatin1String("rule")) return SegmentsPage::tr("rule");
    if (method == QLatin1String("lookalike")) return SegmentsPage::tr("lookalikes");
    if (method == QLatin1String("imported")) return SegmentsPage::tr("imported");
    return method;
}

QStandardItem* numberItem(double value, const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// Colours told apart at a glance (Okabe-Ito, then two more); grey for everyone else.
const QColor kPalette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                           QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00),
                           QColor(0x88, 0x44, 0xAA), QColor(0x44, 0xAA, 0x99), QColor(0x99, 0x33, 0x33), QColor(0x33, 0x66, 0x33)};
constexpr int kMapSegments = 12;   // the eleven RFM groups fit

} // namespace

SegmentsPage::SegmentsPage(QWidget* parent) : QWidget(parent)
{
    buildLane_ = new JobLane(this);
    listLane_ = new JobLane(this);
    profileLane_ = new JobLane(this);
    mapLane_ = new JobLane(this);

    // Making segments.
    method_ = new QComboBox(this);
    method_->addItem(tr("RFM groups"), int(model::SegmentMethod::Rfm));
    method_->addItem(tr("k-means clusters"), int(model::SegmentMethod::KMeans));
    method_->addItem(tr("Rule"), int(model::SegmentMethod::Rule));
    options_ = new QStackedWidget(this);
    auto* rfmBox = new QLabel(tr("The ten named groups of recency, frequency and monetary scores, and prospects."), this);
    rfmBox->setWordWrap(true);
    options_->addWidget(rfmBox);
    auto* kBox = new QWidget(this);
    auto* kLayout = new QHBoxLayout(kBox);
    kLayout->setContentsMargins(0, 0, 0, 0);
    k_ = new QSpinBox(kBox);
    k_->setRange(2, 20);
    k_->setValue(6);
    autoK_ = new QCheckBox(tr("choose k automatically (best silhouette of 2 to 10)"), kBox);
    kLayout->addWidget(new QLabel(tr("Clusters:"), kBox));
    kLayout->addWidget(k_);
    kLayout->addWidget(autoK_);
    kLayout->addStretch(1);
    options_->addWidget(kBox);
    auto* ruleBox = new QWidget(this);
    auto* ruleLayout = new QGridLayout(ruleBox);
    ruleLayout->setContentsMargins(0, 0, 0, 0);
    rule_ = new QLineEdit(ruleBox);
    rule_->setPlaceholderText(tr("e.g. recency_days > 90 AND monetary >= 500 AND NOT city IN ('Beijing', 'Shanghai')"));
    fields_ = new QComboBox(ruleBox);
    fields_->addItem(tr("Insert field\u2026"));
    fields_->setToolTip(tr("The fields a rule can use; pick one to insert it at the cursor"));
    ruleMessage_ = new QLabel(ruleBox);
    ruleMessage_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ruleMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ruleLayout->addWidget(rule_, 0, 0);
    ruleLayout->addWidget(fields_, 0, 1);
    ruleLayout->addWidget(ruleMessage_, 1, 0, 1, 2);
    options_->addWidget(ruleBox);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("Name (optional)"));
    name_->setMaximumWidth(220);
    build_ = new QPushButton(tr("Make segments"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(160);
    progress_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* makeRow = new QHBoxLayout;
    makeRow->addWidget(new QLabel(tr("Make:"), this));
    makeRow->addWidget(method_);
    makeRow->addWidget(options_, 1);
    makeRow->addWidget(name_);
    makeRow->addWidget(build_);

    // The segments.
    list_ = new QStandardItemModel(0, ColumnCount, this);
    list_->setHorizontalHeaderLabels({tr("Segment"), tr("Made by"), tr("Customers"), tr("Share"), tr("What sets it apart")});
    view_ = new QTableView(this);
    view_->setModel(list_);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setWordWrap(false);
    rename_ = new QPushButton(tr("Rename\u2026"), this);
    delete_ = new QPushButton(tr("Delete\u2026"), this);
    export_ = new QPushButton(tr("Export members\u2026"), this);
    lookalike_ = new QPushButton(tr("Find lookalikes\u2026"), this);
    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {rename_, delete_, export_, lookalike_}) {
        b->setEnabled(false);
        actions->addWidget(b);
    }
    actions->addStretch(1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(view_, 1);
    leftLayout->addLayout(actions);

    // The charts.
    charts_ = new QTabWidget(this);
    profileChart_ = new QChartView(this);
    mapChart_ = new QChartView(this);
    chooseKChart_ = new QChartView(this);
    for (QChartView* v : {profileChart_, mapChart_, chooseKChart_}) v->setRenderHint(QPainter::Antialiasing);   // each has its empty chart
    charts_->addTab(profileChart_, tr("Profile"));
    auto* mapBox = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapNote_ = new QLabel(mapBox);
    mapNote_->setWordWrap(true);
    mapLayout->addWidget(mapChart_, 1);
    mapLayout->addWidget(mapNote_);
    charts_->addTab(mapBox, tr("Map"));
    charts_->addTab(chooseKChart_, tr("Choosing k"));
    charts_->setTabEnabled(2, false);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(charts_);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 7);
    split->setSizes({500, 700});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(makeRow);
    layout->addLayout(statusRow(status_, progress_, cancel_));
    layout->addWidget(split, 1);

    connect(method_, &QComboBox::currentIndexChanged, this, &SegmentsPage::methodChanged);
    connect(autoK_, &QCheckBox::toggled, k_, &QWidget::setDisabled);
    connect(rule_, &QLineEdit::textChanged, this, &SegmentsPage::checkRule);
    connect(rule_, &QLineEdit::returnPressed, this, [this] { build(request()); });
    connect(fields_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) rule_->insert(fields_->itemText(index) + QLatin1Char(' '));
        fields_->setCurrentIndex(0);
        rule_->setFocus();
    });
    connect(build_, &QPushButton::clicked, this, [this] { build(request()); });
    connect(cancel_, &QPushButton::clicked, this, &SegmentsPage::cancelBuild);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SegmentsPage::selectionChanged);
    connect(rename_, &QPushButton::clicked, this, &SegmentsPage::askRename);
    connect(delete_, &QPushButton::clicked, this, &SegmentsPage::askDelete);
    connect(export_, &QPushButton::clicked, this, &SegmentsPage::askExport);
    connect(lookalike_, &QPushButton::clicked, this, &SegmentsPage::askLookalikes);
    connect(buildLane_, &JobLane::started, this, [this](const QString& what) {
        status_->setText(what);
        progress_->setValue(0);
        progress_->show();
        cancel_->show();
        build_->setEnabled(false);
    });
    showProgressIn(buildLane_, status_, progress_, cancel_, tr("Cancelled; the workspace is as it was."));
    auto enableBuild = [this] { build_->setEnabled(!path_.isEmpty()); };
    connect(buildLane_, &JobLane::finished, this, enableBuild);
    connect(buildLane_, &JobLane::stopped, this, enableBuild);
    methodChanged();
    build_->setEnabled(false);
}

void SegmentsPage::setWorkspace(const QString& path)
{
    for (JobLane* lane : {buildLane_, listLane_, profileLane_, mapLane_}) lane->cancel();
    path_ = path;
    lastBuild_.reset();
    profile_.reset();
    map_.reset();
    mapSegments_.clear();
    list_->removeRows(0, list_->rowCount());
    for (QChartView* v : {profileChart_, mapChart_, chooseKChart_}) {
        auto* empty = new QChart;
        empty->setTitle(tr("Select a segment in the list, or make some with the form above."));
        replaceChart(v, empty);
    }
    mapNote_->clear();
    charts_->setTabEnabled(2, false);
    status_->clear();
    build_->setEnabled(!path.isEmpty());
    while (fields_->count() > 1) fields_->removeItem(1);
    reload();
}

model::SegmentationRequest SegmentsPage::request() const
{
    model::SegmentationRequest r;
    r.method = static_cast<model::SegmentMethod>(method_->currentData().toInt());
    r.name = name_->text().trimmed();
    r.k = k_->value();
    r.autoK = autoK_->isChecked();
    r.rule = rule_->text();
    return r;
}

void SegmentsPage::methodChanged()
{
    options_->setCurrentIndex(method_->currentIndex());
    name_->setPlaceholderText(method_->currentIndex() == 1 ? tr("Name prefix (optional)") : tr("Name (optional)"));
    name_->setEnabled(method_->currentIndex() != 0);
    checkRule();
}

void SegmentsPage::checkRule()
{
    if (method_->currentIndex() != 2 || rule_->text().trimmed().isEmpty()) {
        ruleMessage_->clear();
        rule_->setStyleSheet({});
        return;
    }
    if (const std::optional<model::Error> e = model::ruleSyntaxError(rule_->text())) {
        ruleMessage_->setText(e->message);
        ruleMessage_->setStyleSheet(QStringLiteral("color: #b00020"));
        rule_->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #b00020; }"));
    } else {
        ruleMessage_->setText(tr("The rule reads well."));
        ruleMessage_->setStyleSheet(QStringLiteral("color: #2e7d32"));
        rule_->setStyleSheet({});
    }
}

// Selects the token starting at the 1-based column (up to the next space).
void SegmentsPage::markRuleToken(int column)
{
    if (column <= 0) return;
    const QString text = rule_->text();
    const int start = std::min(column - 1, int(text.size()));
    int end = start;
    while (end < text.size() && !text.at(end).isSpace()) ++end;
    rule_->setFocus();
    rule_->setSelection(start, std::max(1, end - start));
}

void SegmentsPage::showError(const QString& message)
{
    status_->setText(message);
    Q_EMIT failed(message);
}

void SegmentsPage::build(const model::SegmentationRequest& request)
{
    if (path_.isEmpty()) return;
    if (request.method == model::SegmentMethod::Rule) {
        if (const std::optional<model::Error> e = model::ruleSyntaxError(request.rule)) {
            checkRule();
            markRuleToken(e->column);
            showError(e->message);
            return;
        }
    }
    using R = model::Result<model::SegmentationResult>;
    buildLane_->start<model::SegmentationResult>(
        path_, tr("Making segments\u2026"),
        [request](model::Workspace& ws, const JobProgress& progress) -> R {
            return model::runSegmentation(ws, request, [&](const QString& what, double f) { return progress.report(what, f); });
        },
        [this](const R& r) {
            if (!r) {
                showError(r.error().message);
                if (r.error().column > 0) markRuleToken(r.error().column);
                return;
            }
            if (r->cancelled) return;
            lastBuild_ = r.value();
            status_->setText(r->chosenK > 0 && !r->kScores.isEmpty()
                                 ? tr("%n segment(s) made; k = %1 has the best silhouette (the elbow of the inertia is at k = %2).", nullptr,
                                      int(r->segments.size()))
                                       .arg(r->chosenK)
                                       .arg(r->elbowK)
                                 : tr("%n segment(s) made.", nullptr, int(r->segments.size())));
            if (!r->kScores.isEmpty()) showChooseK(r.value());
            const QString first = r->segments.isEmpty() ? QString() : r->segments.first().name;
            connect(this, &SegmentsPage::listed, this, [this, first] { if (!first.isEmpty()) selectSegment(first); }, Qt::SingleShotConnection);
            reload();
            Q_EMIT built(int(r->segments.size()));
        });
}

void SegmentsPage::cancelBuild() { buildLane_->cancel(); }

namespace {
struct SegmentList {
    QList<model::SegmentInfo> segments;
    qint64 population = 0;
    QStringList fields;
};
} // namespace

void SegmentsPage::reload()
{
    if (path_.isEmpty()) return;
    using R = model::Result<SegmentList>;
    listLane_->start<SegmentList>(
        path_, {},
        [](model::Workspace& ws, const JobProgress&) -> R {
            SegmentList out;
            out.segments = model::listSegments(ws.db());
            out.population = ws.db().queryInt("SELECT count(*) FROM users");
            out.fields = model::ruleFields(ws.db());
            return out;
        },
        [this](const R& r) {
            if (!r) return showError(r.error().message);
            const QString selected = selectedSegment();
            population_ = r->population;
            const QLocale locale;
            list_->removeRows(0, list_->rowCount());
            for (const model::SegmentInfo& s : r->segments) {
                const double share = population_ > 0 ? double(s.size) / double(population_) : 0;
                auto* name = new QStandardItem(s.name);
                const QString description = s.definition.value(QStringLiteral("description")).toString();
                auto* text = new QStandardItem(description);
                text->setToolTip(description);
                auto* method = new QStandardItem(methodLabel(s.method));
                method->setData(s.method, Qt::UserRole);
                list_->appendRow({name, method, numberItem(double(s.size), locale.toString(s.size)),
                                  numberItem(share, locale.toString(100 * share, 'f', share < 0.01 ? 2 : 1) + locale.percent()), text});
            }
            // The description takes what is left (in full in its tooltip).
            for (int c = Name; c < Description; ++c) view_->resizeColumnToContents(c);
            if (fields_->count() == 1) fields_->addItems(r->fields);
            if (!selected.isEmpty()) selectSegment(selected);
            Q_EMIT listed(int(r->segments.size()));
        });
}

void SegmentsPage::selectSegment(const QString& name)
{
    const QList<QStandardItem*> found = list_->findItems(name, Qt::MatchExactly, Name);
    if (found.isEmpty()) return;
    view_->selectRow(found.first()->row());
    view_->scrollTo(list_->index(found.first()->row(), Name));
}

QString SegmentsPage::selectedSegment() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows(Name);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

bool SegmentsPage::showChart(const QString& key)
{
    if (key == QLatin1String("profile")) charts_->setCurrentWidget(profileChart_);
    else if (key == QLatin1String("map")) charts_->setCurrentIndex(1);
    else if (key == QLatin1String("k")) charts_->setCurrentWidget(chooseKChart_);
    else return false;
    return true;
}

// The segments made together with `segment` (the same method and moment):
// a run's clusters or RFM groups are shown side by side; any other segment alone.
QStringList SegmentsPage::mapSegmentsFor(const QString& segment) const
{
    const QList<QStandardItem*> found = list_->findItems(segment, Qt::MatchExactly, Name);
    if (found.isEmpty()) return {segment};
    const QString method = list_->item(found.first()->row(), Method)->data(Qt::UserRole).toString();
    if (method != QLatin1String("kmeans") && method != QLatin1String("rfm")) return {segment};
    // Clusters are named "<prefix> <n>": the siblings share the prefix.
    const QString prefix = segment.section(QLatin1Char(' '), 0, -2);
    QStringList out;
    for (int row = 0; row < list_->rowCount() && out.size() < kMapSegments; ++row) {
        if (list_->item(row, Method)->data(Qt::UserRole).toString() != method) continue;
        const QString name = list_->item(row, Name)->text();
        if (method == QLatin1String("rfm") || name.section(QLatin1Char(' '), 0, -2) == prefix) out << name;
    }
    if (!out.contains(segment)) out.prepend(segment);
    return out;
}

void SegmentsPage::selectionChanged()
{
    const QString name = selectedSegment();
    for (QPushButton* b : {rename_, delete_, export_, lookalike_}) b->setEnabled(!name.isEmpty());
    if (name.isEmpty()) return;
    using P = model::Result<model::SegmentSummary>;
    profileLane_->start<model::SegmentSummary>(
        path_, {},
        [name](model::Workspace& ws, const JobProgress&) -> P {
            const std::optional<model::SegmentInfo> info = model::findSegment(ws.db(), name);
            if (!info) return model::makeError(tr("there is no segment called \"%1\"").arg(name));
            return model::summarizeMembers(ws.db(), name, model::segmentMembers(ws.db(), info->id));
        },
        [this](const P& r) {
            if (!r) return showError(r.error().message);
            profile_ = std::make_shared<model::SegmentSummary>(r.value());
            showProfile(*profile_);
            Q_EMIT profiled(profile_->name);
        });
    const QStringList segments = mapSegmentsFor(name);
    if (segments == mapSegments_ && map_) return;
    mapSegments_ = segments;
    using M = model::Result<model::SegmentMap>;
    mapLane_->start<model::SegmentMap>(
        path_, {},
        [segments](model::Workspace& ws, const JobProgress&) -> M {
            model::SegmentMapRequest req;
            req.segments = segments;
            req.sample = 4000;
            return model::segmentMap(ws, req);
        },
        [this](const M& r) {
            if (!r) return showError(r.error().message);
            map_ = std::make_shared<model::SegmentMap>(r.value());
            showMap(*map_);
            Q_EMIT mapped(int(map_->x.size()));
        });
}

void SegmentsPage::showProfile(const model::SegmentSummary& s)
{
    auto* chart = new QChart;
    chart->setTitle(tr("%1 (%2 customers) against everyone").arg(s.name, QLocale().toString(s.size)));
    auto* set = new QBarSet(tr("Difference from all customers"));
    QStringList labels;
    // The chart reads top-down; a horizontal bar series draws its first category at the bottom.
    QList<model::FeatureComparison> features = s.features;
    std::reverse(features.begin(), features.end());
    double extent = 0.5;
    const QLocale locale;
    auto value = [&](double v) {
        return std::isfinite(v) ? locale.toString(v, 'f', std::abs(v) >= 100 ? 0 : std::abs(v) >= 10 ? 1 : 2) : QStringLiteral("\u2014");
    };
    for (const model::FeatureComparison& f : features) {
        // No spread among everyone (a feature all customers share): no difference to draw.
        const double d = std::isfinite(f.difference) ? f.difference : 0.0;
        *set << d;
        extent = std::max(extent, std::abs(d));
        labels << tr("%1: %2 (all: %3)").arg(model::featureLabel(f.feature), value(f.mean), value(f.population));
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(labels);
    // Qt Charts elides a label taller than its band: with a score of features
    // and a Chinese font's generous line height, a smaller font keeps them whole.
    QFont small = y->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    y->setLabelsFont(small);
    auto* x = new QValueAxis;
    x->setRange(-std::ceil(extent), std::ceil(extent));
    x->setTitleText(tr("difference of the means, in standard deviations"));
    x->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->hide();
    replaceChart(profileChart_, chart);
}

void SegmentsPage::showMap(const model::SegmentMap& m)
{
    auto* chart = new QChart;
    chart->setTitle(tr("A sample of %1 of the %2 customers").arg(QLocale().toString(qint64(m.x.size())), QLocale().toString(m.population)));
    const int groups = int(m.segments.size());
    std::vector<QScatterSeries*> series(static_cast<std::size_t>(groups) + 1);
    for (int g = 0; g <= groups; ++g) {
        auto* s = new QScatterSeries;
        s->setMarkerSize(5);
        s->setBorderColor(Qt::transparent);
        s->setName(g < groups ? m.segments[g] : tr("other customers"));
        s->setColor(g < groups ? kPalette[g % kMapSegments] : QColor(0xBB, 0xBB, 0xBB));
        series[static_cast<std::size_t>(g)] = s;
    }
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    std::vector<QList<QPointF>> points(series.size());
    for (std::size_t i = 0; i < m.x.size(); ++i) {
        const int g = m.segment[i] < 0 ? groups : m.segment[i];
        points[static_cast<std::size_t>(g)] << QPointF(m.x[i], m.y[i]);
        x0 = std::min(x0, m.x[i]);
        x1 = std::max(x1, m.x[i]);
        y0 = std::min(y0, m.y[i]);
        y1 = std::max(y1, m.y[i]);
    }
    // Everyone else first, underneath (and not at all when the chosen segments hold everyone).
    if (points.back().isEmpty()) {
        delete series.back();
        series.pop_back();
    }
    for (auto g = static_cast<std::ptrdiff_t>(series.size()) - 1; g >= 0; --g) {
        series[static_cast<std::size_t>(g)]->append(points[static_cast<std::size_t>(g)]);
        chart->addSeries(series[static_cast<std::size_t>(g)]);
    }
    auto axisTitle = [&](int a) {
        return tr("component %1 (%2 of the variance)").arg(a + 1).arg(QLocale().toString(100 * m.axes[a].varianceShare, 'f', 0) + QLocale().percent());
    };
    auto leading = [&](int a) {
        QStringList words;
        for (const QString& f : m.axes[a].leading) words << f.left(1) + model::featureLabel(f.mid(1));
        return words.join(QStringLiteral(", "));
    };
    mapNote_->setText(tr("The two directions in which customers differ most (principal components of the scaled features). "
                         "Component 1 grows with %1; component 2 with %2.")
                          .arg(leading(0), leading(1)));
    auto* x = new QValueAxis;
    x->setRange(x0 - 0.2, x1 + 0.2);
    x->setTitleText(axisTitle(0));
    auto* y = new QValueAxis;
    y->setRange(y0 - 0.2, y1 + 0.2);
    y->setTitleText(axisTitle(1));
    for (QValueAxis* a : {x, y}) {
        a->setLabelFormat(QStringLiteral("%.0f"));
        QFont f = a->titleFont();
        f.setBold(false);
        a->setTitleFont(f);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries* s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    replaceChart(mapChart_, chart);
}

void SegmentsPage::showChooseK(const model::SegmentationResult& r)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Choosing the number of clusters: k = %1 chosen").arg(r.chosenK));
    auto* silhouette = new QLineSeries;
    silhouette->setName(tr("mean silhouette (higher is better)"));
    silhouette->setPointsVisible(true);
    auto* inertia = new QLineSeries;
    inertia->setName(tr("inertia (look for the elbow)"));
    inertia->setPointsVisible(true);
    auto* chosen = new QScatterSeries;
    chosen->setName(tr("chosen"));
    chosen->setMarkerSize(14);
    double sMax = 0, iMax = 0;
    int kMin = 100, kMax = 0;
    for (const engine::KScore& s : r.kScores) {
        silhouette->append(s.k, s.silhouette);
        inertia->append(s.k, s.inertia);
        if (s.k == r.chosenK) chosen->append(s.k, s.silhouette);
        sMax = std::max(sMax, s.silhouette);
        iMax = std::max(iMax, s.inertia);
        kMin = std::min(kMin, s.k);
        kMax = std::max(kMax, s.k);
    }
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{silhouette, inertia, chosen}) chart->addSeries(s);
    auto* x = new QValueAxis;
    x->setRange(kMin, kMax);
    x->setTickCount(kMax - kMin + 1);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("number of clusters k"));
    auto* ySil = new QValueAxis;
    ySil->setRange(0, std::max(0.1, std::ceil(sMax * 10 + 0.5) / 10));
    ySil->setTitleText(tr("silhouette"));
    auto* yIn = new QValueAxis;
    yIn->setRange(0, iMax * 1.05);
    yIn->setLabelFormat(QStringLiteral("%.0f"));
    yIn->setTitleText(tr("inertia"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(ySil, Qt::AlignLeft);
    chart->addAxis(yIn, Qt::AlignRight);
    for (QXYSeries* s : std::initializer_list<QXYSeries*>{silhouette, chosen}) {
        s->attachAxis(x);
        s->attachAxis(ySil);
    }
    inertia->attachAxis(x);
    inertia->attachAxis(yIn);
    chart->legend()->setAlignment(Qt::AlignBottom);
    replaceChart(chooseKChart_, chart);
    charts_->setTabEnabled(2, true);
}

void SegmentsPage::renameSegment(const QString& from, const QString& to)
{
    using R = model::Result<bool>;
    buildLane_->start<bool>(
        path_, tr("Renaming \u201c%1\u201d\u2026").arg(from),
        [from, to](model::Workspace& ws, const JobProgress&) -> R {
            if (model::Status s = model::renameSegment(ws.db(), from, to)) return *s;
            return true;
        },
        [this, from, to](const R& r) {
            if (!r) return showError(r.error().message);
            status_->setText(tr("\u201c%1\u201d is now \u201c%2\u201d.").arg(from, to));
            mapSegments_.clear();
            connect(this, &SegmentsPage::listed, this, [this, to] { selectSegment(to); }, Qt::SingleShotConnection);
            reload();
            Q_EMIT changed(QStringLiteral("renamed"));
        });
}

void SegmentsPage::deleteSegment(const QString& name)
{
    using R = model::Result<bool>;
    buildLane_->start<bool>(
        path_, tr("Deleting \u201c%1\u201d\u2026").arg(name),
        [name](model::Workspace& ws, const JobProgress&) -> R {
            if (model::Status s = model::deleteSegment(ws.db(), name)) return *s;
            return true;
        },
        [this, name](const R& r) {
            if (!r) return showError(r.error().message);
            status_->setText(tr("\u201c%1\u201d deleted.").arg(name));
            mapSegments_.clear();
            reload();
            Q_EMIT changed(QStringLiteral("deleted"));
        });
}

void SegmentsPage::exportSegment(const QString& name, const QString& file)
{
    using R = model::Result<qint64>;
    buildLane_->start<qint64>(
        path_, tr("Exporting the members of \u201c%1\u201d\u2026").arg(name),
        [name, file](model::Workspace& ws, const JobProgress&) -> R { return model::exportSegmentMembers(ws.db(), name, file); },
        [this, file](const R& r) {
            if (!r) return showError(r.error().message);
            status_->setText(tr("%1 members written to %2.").arg(QLocale().toString(r.value()), QDir::toNativeSeparators(file)));
            Q_EMIT changed(QStringLiteral("exported"));
        });
}

void SegmentsPage::findLookalikes(const QString& name, qint64 top, const QString& saveAs)
{
    using R = model::Result<model::LookalikeResult>;
    buildLane_->start<model::LookalikeResult>(
        path_, tr("Looking for the customers most like \u201c%1\u201d\u2026").arg(name),
        [name, top, saveAs](model::Workspace& ws, const JobProgress&) -> R {
            model::LookalikeRequest req;
            req.seedSegment = name;
            req.top = top;
            req.saveAs = saveAs;
            return model::findLookalikeUsers(ws, req);
        },
        [this, saveAs](const R& r) {
            if (!r) return showError(r.error().message);
            status_->setText(tr("\u201c%1\u201d: the %2 customers most like \u201c%3\u201d (of %4 compared).")
                                 .arg(saveAs, QLocale().toString(qint64(r->users.size())), r->seedSegment, QLocale().toString(r->candidates)));
            connect(this, &SegmentsPage::listed, this, [this, saveAs] { selectSegment(saveAs); }, Qt::SingleShotConnection);
            reload();
            Q_EMIT changed(QStringLiteral("lookalikes"));
        });
}

void SegmentsPage::askRename()
{
    const QString from = selectedSegment();
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename segment"), tr("New name for \u201c%1\u201d:").arg(from), QLineEdit::Normal, from, &ok).trimmed();
    if (ok && !to.isEmpty() && to != from) renameSegment(from, to);
}

void SegmentsPage::askDelete()
{
    const QString name = selectedSegment();
    if (QMessageBox::question(this, tr("Delete segment"),
                              tr("Delete the segment \u201c%1\u201d? Its customers stay in the workspace; only the grouping goes.").arg(name))
        == QMessageBox::Yes)
        deleteSegment(name);
}

void SegmentsPage::askExport()
{
    const QString name = selectedSegment();
    QString suggested = name;
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("_"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export members of \u201c%1\u201d").arg(name),
                                                      QDir::home().filePath(suggested + QStringLiteral(".csv")), tr("CSV files (*.csv)"));
    if (!file.isEmpty()) exportSegment(name, file);
}

void SegmentsPage::askLookalikes()
{
    const QString name = selectedSegment();
    bool ok = false;
    const int top = QInputDialog::getInt(this, tr("Find lookalikes"), tr("How many customers most like \u201c%1\u201d?").arg(name), 1000, 1,
                                         100000000, 100, &ok);
    if (!ok) return;
    const QString saveAs = QInputDialog::getText(this, tr("Find lookalikes"), tr("Save them as the segment:"), QLineEdit::Normal,
                                                 tr("Like %1").arg(name), &ok)
                               .trimmed();
    if (ok && !saveAs.isEmpty()) findLookalikes(name, top, saveAs);
}

} // namespace cwb::ui
