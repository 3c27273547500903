#include "designer/designer_page.h"

#include "background_job.h"
#include "campaigns/campaign_json.h"
#include "designer/campaign_form.h"
#include "report/campaign_charts.h"
#include "report/report_builder.h"
#include "reports/campaign_report.h"
#include "segments/segment_store.h"
#include "sql/database.h"
#include "sql/statement.h"
#include "workspace/meta.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <QItemSelectionModel>

#include <cmath>
#include <functional>

namespace cwb::ui {

using engine::CampaignSpec;
using engine::CampaignType;

// One edit of the campaign: the spec before and after. Consecutive edits of
// the same field merge (a slider dragged is one step to undo).
class SpecEdit : public QUndoCommand {
public:
    SpecEdit(DesignerPage* page, CampaignSpec before, CampaignSpec after, const QString& field, const QString& text)
        : QUndoCommand(text), page_(page), before_(std::move(before)), after_(std::move(after)), field_(field)
    {
    }
    int id() const override { return field_.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        // One drag of a slider, or one burst of typing, is one step; a later change of the same
        // field another.
        const auto* o = static_cast<const SpecEdit*>(other);
        if (sealed_ || o->field_ != field_ || o->time_ - time_ > kMergeMs) return false;
        after_ = o->after_;
        time_ = o->time_;
        return true;
    }
    void redo() override
    {
        page_->specChanged(after_, !inForm_);
        inForm_ = false;   // the form showed the first change itself; redo after undo puts it back
    }
    void undo() override
    {
        sealed_ = true;    // once undone, a step stays the step it was
        page_->specChanged(before_, true);
    }
    void setInForm(bool inForm) { inForm_ = inForm; }

private:
    DesignerPage* page_;
    CampaignSpec before_, after_;
    QString field_;
    qint64 time_ = QDateTime::currentMSecsSinceEpoch();
    static constexpr qint64 kMergeMs = 1500;
    bool inForm_ = true;   // an edit made in the form is already shown there
    bool sealed_ = false;
};

namespace {

enum ListColumn { NameColumn, StatusColumn, ListColumns };
enum Chart { Waterfall, Depth, Uptake, Discount, Segments, Hourly, ChartCount };

struct Choices {
    QList<model::CampaignInfo> campaigns;
    CampaignForm::Choices form;
};

enum class Unit { Count, Money, Ratio };

struct Headline {
    const char* label;   // translated in DesignerPage's context
    engine::Estimate engine::PreviewTotals::*member;
    Unit unit;
};

const Headline kHeadlines[] = {
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Redemptions"), &engine::PreviewTotals::redemptions, Unit::Count},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Extra buyers (incremental conversions)"), &engine::PreviewTotals::incrementalConversions, Unit::Count},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Revenue"), &engine::PreviewTotals::revenue, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Incremental revenue"), &engine::PreviewTotals::incrementalRevenue, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Discount to extra buyers"), &engine::PreviewTotals::incrementalDiscount, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Subsidy: discount to buyers who would buy anyway"), &engine::PreviewTotals::subsidy, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Contact cost"), &engine::PreviewTotals::contactCost, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Total cost"), &engine::PreviewTotals::totalCost, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Profit"), &engine::PreviewTotals::profit, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Incremental profit"), &engine::PreviewTotals::incrementalProfit, Unit::Money},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "ROI"), &engine::PreviewTotals::roi, Unit::Ratio},
    {QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "Incremental ROI"), &engine::PreviewTotals::incrementalRoi, Unit::Ratio},
};

QString reachedLabel() { return DesignerPage::tr("Users reached (with the control group)"); }

QString fieldLabel(const QString& field)
{
    static const QHash<QString, const char*> labels{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the name")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the type")},
        {QStringLiteral("start"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the start")},
        {QStringLiteral("coupon.percent_off"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the discount")},
        {QStringLiteral("flash_sale.percent_off"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the discount")},
        {QStringLiteral("member.percent_off"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the discount")},
        {QStringLiteral("coupon.min_spend"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the minimum spend")},
        {QStringLiteral("target.share"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the targeting depth")},
        {QStringLiteral("control_share"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the control group")},
        {QStringLiteral("budget"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the budget")},
        {QStringLiteral("gross_margin"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the margin")},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the channel")},
        {QStringLiteral("target.include"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the segments")},
        {QStringLiteral("target.exclude"), QT_TRANSLATE_NOOP("cwb::ui::DesignerPage", "the segments left out")},
    };
    const char* label = labels.value(field);
    return label ? DesignerPage::tr(label) : DesignerPage::tr("the terms");
}

// One term the optimiser searched, in the reader's words: "discount 2.5–50 % (20 values)".
QString searchedTerm(const model::OptimizeResult::Term& t, const ReportFormat& f)
{
    auto plain = [&f](double v) { return f.decimal(v, v == std::floor(v) ? 0 : 1); };
    QString label, range;
    if (t.key == QLatin1String("percent_off")) {
        label = DesignerPage::tr("the discount");
        range = QStringLiteral("%1–%2 %").arg(plain(t.low), plain(t.high));
    } else if (t.key == QLatin1String("amount_off")) {
        label = DesignerPage::tr("the discount");
        range = QStringLiteral("%1–%2").arg(f.money(t.low), f.money(t.high));
    } else if (t.key == QLatin1String("min_spend")) {
        label = DesignerPage::tr("the minimum spend");
        range = QStringLiteral("%1–%2").arg(f.money(t.low), f.money(t.high));
    } else if (t.key == QLatin1String("validity_days") || t.key == QLatin1String("duration_days")) {
        label = t.key == QLatin1String("validity_days") ? DesignerPage::tr("the validity") : DesignerPage::tr("the duration");
        range = DesignerPage::tr("%1–%2 days").arg(plain(t.low), plain(t.high));
    } else if (t.key == QLatin1String("duration_hours")) {
        label = DesignerPage::tr("the duration");
        range = DesignerPage::tr("%1–%2 hours").arg(plain(t.low), plain(t.high));
    } else if (t.key == QLatin1String("start_hour")) {
        label = DesignerPage::tr("the start hour");
        range = QStringLiteral("%1:00–%2:00").arg(int(t.low)).arg(int(t.high));
    } else if (t.key == QLatin1String("points_multiplier")) {
        label = DesignerPage::tr("the points multiplier");
        range = QStringLiteral("×%1–×%2").arg(plain(t.low), plain(t.high));
    } else if (t.key == QLatin1String("target_share")) {
        label = DesignerPage::tr("the targeting depth");
        range = QStringLiteral("%1–%2").arg(f.percent(t.low), f.percent(t.high));
    } else {
        label = t.key;
        range = QStringLiteral("%1–%2").arg(plain(t.low), plain(t.high));
    }
    return DesignerPage::tr("%1 %2 (%3 values)").arg(label, range).arg(t.values);
}

// "field: why" lines of the model's checks as (field, why).
QList<QPair<QString, QString>> splitProblems(const QStringList& lines)
{
    QList<QPair<QString, QString>> out;
    for (const QString& line : lines) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        const QString field = colon > 0 ? line.left(colon) : QString();
        if (!field.isEmpty() && !field.contains(QLatin1Char(' '))) out << qMakePair(field, line.mid(colon + 2));
        else out << qMakePair(QString(), line);
    }
    return out;
}

QTableWidgetItem* cell(const QString& text, bool numeric = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* figureTable(QWidget* parent)
{
    auto* t = new QTableWidget(parent);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setWordWrap(false);
    return t;
}

// A table of options side by side (terms and figures down, options across): the row labels
// stay in view when it scrolls across, and long cells (an offer in words) wrap.
QTableWidget* sideBySideTable(QWidget* parent)
{
    auto* t = figureTable(parent);
    t->verticalHeader()->show();
    t->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->setWordWrap(true);
    t->horizontalHeader()->setDefaultSectionSize(190);
    return t;
}

void fitRows(QTableWidget* t)
{
    t->resizeRowsToContents();
    int height = t->horizontalHeader()->sizeHint().height() + 2 * t->frameWidth() + 20;   // room for a scroll bar across
    for (int r = 0; r < t->rowCount(); ++r) height += t->rowHeight(r);
    t->setMinimumHeight(height);
}

QChartView* chartView(QWidget* parent)
{
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 320);
    return view;
}

// The next whole hour, tomorrow, local time: when a new campaign starts unless changed.
qint64 defaultStart()
{
    const QDateTime t(QDate::currentDate().addDays(1), QTime(10, 0));
    return t.toSecsSinceEpoch();
}

} // namespace

struct DesignerPage::Compared {
    struct Entry {
        QString name;
        CampaignSpec spec;
        engine::PreviewTotals totals;
        std::vector<engine::DepthPoint> depth;
        double level = 0.9;
    };
    QList<Entry> campaigns;
};

// The undo stack is a child, so ~QWidget deletes it after this page has stopped
// being a DesignerPage; clearing itself, it signals indexChanged, which must not
// reach updateButtons() then (UBSan: a call on a destroyed object).
DesignerPage::~DesignerPage() { undo_->disconnect(this); }

DesignerPage::DesignerPage(QWidget* parent) : QWidget(parent)
{
    listLane_ = new JobLane(this);
    storeLane_ = new JobLane(this);
    workLane_ = new JobLane(this);
    live_ = new LivePreview(this);
    undo_ = new QUndoStack(this);

    // The campaigns.
    list_ = new QTableWidget(0, ListColumns, this);
    list_->setHorizontalHeaderLabels({tr("Campaign"), tr("Status")});
    list_->verticalHeader()->hide();
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    list_->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    newButton_ = new QToolButton(this);
    newButton_->setText(tr("New"));
    newButton_->setPopupMode(QToolButton::InstantPopup);
    auto* newMenu = new QMenu(newButton_);
    newMenu->addAction(campaignTypeName(QStringLiteral("coupon")), this, [this] { newCampaign(CampaignType::Coupon); });
    newMenu->addAction(campaignTypeName(QStringLiteral("flash_sale")), this, [this] { newCampaign(CampaignType::FlashSale); });
    newMenu->addAction(campaignTypeName(QStringLiteral("member")), this, [this] { newCampaign(CampaignType::Member); });
    newButton_->setMenu(newMenu);
    duplicateButton_ = new QPushButton(tr("Duplicate"), this);
    renameButton_ = new QPushButton(tr("Rename…"), this);
    deleteButton_ = new QPushButton(tr("Delete"), this);
    compareButton_ = new QPushButton(tr("Compare"), this);
    compareButton_->setToolTip(tr("Select two or three campaigns to see them side by side."));
    auto* listButtons = new QGridLayout;
    listButtons->addWidget(newButton_, 0, 0);
    listButtons->addWidget(duplicateButton_, 0, 1);
    listButtons->addWidget(renameButton_, 0, 2);
    listButtons->addWidget(deleteButton_, 1, 0);
    listButtons->addWidget(compareButton_, 1, 1, 1, 2);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(list_, 1);
    leftLayout->addLayout(listButtons);

    // The editor.
    title_ = new QLabel(this);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    title_->setWordWrap(true);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    note_->hide();
    undoButton_ = new QPushButton(tr("Undo"), this);
    redoButton_ = new QPushButton(tr("Redo"), this);
    saveButton_ = new QPushButton(tr("Save"), this);
    optimizeButton_ = new QPushButton(tr("Optimise…"), this);
    optimizeButton_->setToolTip(tr("Search the discount, threshold, duration, start hour and targeting depth for the most incremental profit."));
    auto* undoAction = undo_->createUndoAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto* redoAction = undo_->createRedoAction(this);
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undoAction);
    addAction(redoAction);
    addAction(saveAction);
    auto* editButtons = new QHBoxLayout;
    editButtons->addWidget(undoButton_);
    editButtons->addWidget(redoButton_);
    editButtons->addStretch(1);
    editButtons->addWidget(optimizeButton_);
    editButtons->addWidget(saveButton_);
    form_ = new CampaignForm(this);
    auto* formScroll = new QScrollArea(this);
    formScroll->setWidget(form_);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(title_);
    middleLayout->addWidget(note_);
    middleLayout->addLayout(editButtons);
    middleLayout->addWidget(formScroll, 1);

    // The preview.
    status_ = new QLabel(tr("Choose a campaign, or make a new one."), this);
    status_->setWordWrap(true);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 100);
    busy_->setMaximumWidth(160);
    busy_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    source_ = new QLabel(this);
    source_->setWordWrap(true);
    source_->setStyleSheet(QStringLiteral("QLabel { color: #616161; }"));
    headline_ = figureTable(this);
    headline_->setColumnCount(3);
    headline_->setHorizontalHeaderLabels({tr("Forecast"), tr("Expected"), tr("90 % interval")});
    // The figures always whole; a label that does not fit is cut short (its tooltip has it all).
    headline_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    headline_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    headline_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    headline_->setRowCount(1 + int(std::size(kHeadlines)));
    headline_->setItem(0, 0, cell(reachedLabel()));
    for (int i = 0; i < int(std::size(kHeadlines)); ++i) headline_->setItem(i + 1, 0, cell(DesignerPage::tr(kHeadlines[i].label)));
    for (int r = 0; r < headline_->rowCount(); ++r) headline_->item(r, 0)->setToolTip(headline_->item(r, 0)->text());
    headline_->resizeRowsToContents();
    int tableHeight = headline_->horizontalHeader()->sizeHint().height() + 4;
    for (int r = 0; r < headline_->rowCount(); ++r) tableHeight += headline_->rowHeight(r);
    headline_->setFixedHeight(tableHeight);
    warnings_ = new QLabel(this);
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    // One chart under the other, each the pane's width: axis labels and titles need the room.
    auto* grid = new QVBoxLayout;
    for (int i = 0; i < ChartCount; ++i) {
        charts_ << chartView(this);
        grid->addWidget(charts_.back());
    }
    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(source_);
    previewLayout->addWidget(headline_);
    previewLayout->addWidget(warnings_);
    previewLayout->addLayout(grid, 1);
    auto* previewScroll = new QScrollArea(this);
    previewScroll->setWidget(previewBox);
    previewScroll->setWidgetResizable(true);

    // Better terms found by Optimise.
    auto* optimizeBox = new QWidget(this);
    optimizeNote_ = new QLabel(optimizeBox);
    optimizeNote_->setWordWrap(true);
    optimizeTable_ = sideBySideTable(optimizeBox);
    optimizeTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    optimizeTable_->setSelectionBehavior(QAbstractItemView::SelectColumns);
    auto* applyButton = new QPushButton(tr("Apply the chosen terms"), optimizeBox);
    auto* backFromOptimize = new QPushButton(tr("Back to the forecast"), optimizeBox);
    auto* optimizeButtons = new QHBoxLayout;
    optimizeButtons->addStretch(1);
    optimizeButtons->addWidget(backFromOptimize);
    optimizeButtons->addWidget(applyButton);
    auto* optimizeLayout = new QVBoxLayout(optimizeBox);
    optimizeLayout->setContentsMargins(0, 0, 0, 0);
    optimizeLayout->addWidget(optimizeNote_);
    optimizeLayout->addWidget(optimizeTable_, 1);
    optimizeLayout->addLayout(optimizeButtons);

    // Several campaigns side by side.
    auto* compareBox = new QWidget(this);
    compareTable_ = sideBySideTable(compareBox);
    auto* backFromCompare = new QPushButton(tr("Back to the forecast"), compareBox);
    auto* compareInner = new QWidget(compareBox);
    auto* compareLayoutInner = new QVBoxLayout(compareInner);
    compareLayoutInner->setContentsMargins(0, 0, 0, 0);
    compareLayoutInner->addWidget(compareTable_);
    for (int i = 0; i < 2; ++i) {
        compareCharts_ << chartView(compareInner);
        compareCharts_.back()->setMinimumHeight(340);
        compareLayoutInner->addWidget(compareCharts_.back());
    }
    auto* compareScroll = new QScrollArea(compareBox);
    compareScroll->setWidget(compareInner);
    compareScroll->setWidgetResizable(true);
    auto* compareLayout = new QVBoxLayout(compareBox);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(compareScroll, 1);
    compareLayout->addWidget(backFromCompare, 0, Qt::AlignRight);

    right_ = new QStackedWidget(this);
    right_->addWidget(previewScroll);
    right_->addWidget(optimizeBox);
    right_->addWidget(compareBox);
    auto* rightBox = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(rightBox);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(statusRow(status_, busy_, cancel_));
    rightLayout->addWidget(right_, 1);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(rightBox);
    split->setStretchFactor(2, 1);
    split->setSizes({230, 440, 610});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(list_, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        const QList<qint64> ids = selectedIds();
        if (ids.size() != 1 || ids.front() == campaign_) return;
        for (const model::CampaignInfo& c : campaigns_)
            if (c.id == ids.front()) {
                if (!confirmLeave()) {
                    selectCampaign(campaign_);
                    return;
                }
                openCampaign(c);
            }
    });
    connect(duplicateButton_, &QPushButton::clicked, this, &DesignerPage::duplicateCampaign);
    connect(renameButton_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename campaign"), tr("New name:"), QLineEdit::Normal, QString::fromStdString(spec_.name), &ok);
        if (ok) renameCampaign(name);
    });
    connect(deleteButton_, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete campaign"), tr("Delete \u201c%1\u201d? This cannot be undone.").arg(QString::fromStdString(spec_.name)))
            == QMessageBox::Yes)
            deleteCampaign();
    });
    connect(compareButton_, &QPushButton::clicked, this, &DesignerPage::compare);
    connect(undoButton_, &QPushButton::clicked, undo_, &QUndoStack::undo);
    connect(redoButton_, &QPushButton::clicked, undo_, &QUndoStack::redo);
    connect(saveButton_, &QPushButton::clicked, this, &DesignerPage::save);
    connect(saveAction, &QAction::triggered, this, &DesignerPage::save);
    connect(optimizeButton_, &QPushButton::clicked, this, &DesignerPage::optimize);
    connect(undo_, &QUndoStack::cleanChanged, this, &DesignerPage::updateTitle);
    connect(undo_, &QUndoStack::indexChanged, this, &DesignerPage::updateButtons);
    connect(form_, &CampaignForm::edited, this, [this](const QString& field, const CampaignSpec& spec) {
        if (readOnly_) return;
        undo_->push(new SpecEdit(this, spec_, spec, field, tr("change %1").arg(fieldLabel(field))));
    });
    connect(applyButton, &QPushButton::clicked, this, [this] {
        const auto columns = optimizeTable_->selectionModel()->selectedColumns();
        applyOptimized(columns.isEmpty() ? 0 : columns.front().column() - 1);   // column 0 is the current terms
    });
    connect(backFromOptimize, &QPushButton::clicked, this, [this] { right_->setCurrentIndex(0); });
    connect(backFromCompare, &QPushButton::clicked, this, [this] { right_->setCurrentIndex(0); });
    connect(live_, &LivePreview::figures, this, &DesignerPage::showFigures);
    connect(live_, &LivePreview::failed, this, [this](const QString& message) {
        showFailure(tr("No forecast: %1"), message);
    });
    connect(cancel_, &QPushButton::clicked, this, &DesignerPage::cancel);
    for (JobLane* lane : {live_->loadLane(), workLane_}) {
        connect(lane, &JobLane::started, this, [this](const QString& what) {
            status_->setText(what);
            busy_->setValue(0);
            busy_->show();
            cancel_->show();
        });
        showProgressIn(lane, status_, busy_, cancel_, tr("Cancelled."));
    }
    updateTitle();
    updateButtons();
}

// ---- the list ---------------------------------------------------------------------------------

void DesignerPage::setWorkspace(const QString& path)
{
    path_ = path;
    live_->setWorkspace(path);
    workLane_->cancel();
    undo_->clear();
    campaign_ = 0;
    shown_.reset();
    optimized_.reset();
    compared_.reset();
    readOnly_ = true;
    right_->setCurrentIndex(0);
    listCampaigns();
}

void DesignerPage::refresh()
{
    if (path_.isEmpty()) return;
    live_->setWorkspace(path_);   // a new model or segment: the customers are read again
    if (campaign_ != 0 && hasTerms_ && problems(spec_).isEmpty()) live_->request(spec_);
    listCampaigns();
}

void DesignerPage::listCampaigns(qint64 select)
{
    listLane_->start<Choices>(
        path_, tr("Listing the campaigns…"),
        [](model::Workspace& ws, const JobProgress&) -> model::Result<Choices> {
            Choices c;
            c.campaigns = model::listCampaigns(ws.db());
            for (const model::SegmentInfo& s : model::listSegments(ws.db())) c.form.segments << s.name;
            model::Statement categories = ws.db().prepare("SELECT DISTINCT category FROM products WHERE category IS NOT NULL AND category <> '' ORDER BY 1");
            while (categories.step()) c.form.categories << categories.text(0);
            model::Statement tiers = ws.db().prepare("SELECT DISTINCT member_tier FROM users WHERE member_tier IS NOT NULL AND member_tier <> '' ORDER BY 1");
            while (tiers.step()) c.form.tiers << tiers.text(0);
            c.form.currencySymbol = model::currencySymbol(model::workspaceCurrency(ws.db()));
            return c;
        },
        [this, select](const model::Result<Choices>& r) {
            if (!r) {
                status_->setText(tr("The campaigns could not be listed: %1").arg(r.error().message));
                return;
            }
            campaigns_ = r->campaigns;
            format_ = ReportFormat(QLocale(), r->form.currencySymbol);
            form_->setChoices(r->form);
            {
                const QSignalBlocker block(list_);
                list_->setRowCount(0);
                for (const model::CampaignInfo& c : campaigns_) {
                    const int row = list_->rowCount();
                    list_->insertRow(row);
                    auto* name = cell(c.name);
                    name->setData(Qt::UserRole, c.id);
                    name->setToolTip(QStringLiteral("%1 (%2)").arg(c.name, campaignTypeName(c.type)));
                    list_->setItem(row, NameColumn, name);
                    list_->setItem(row, StatusColumn, cell(campaignStatusName(c.status)));
                }
            }
            Q_EMIT campaignsListed();
            const qint64 wanted = select != 0 ? select : campaign_;
            if (wanted != 0 && !selectCampaign(wanted)) {
                campaign_ = 0;
                undo_->clear();
                readOnly_ = true;
                updateTitle();
            }
            updateButtons();
        });
}

int DesignerPage::listedCampaigns() const { return list_->rowCount(); }

QList<qint64> DesignerPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& i : list_->selectionModel()->selectedRows()) ids << list_->item(i.row(), NameColumn)->data(Qt::UserRole).toLongLong();
    return ids;
}

bool DesignerPage::selectCampaigns(const QList<qint64>& ids)
{
    QItemSelection selection;
    int found = 0;
    for (int row = 0; row < list_->rowCount(); ++row)
        if (ids.contains(list_->item(row, NameColumn)->data(Qt::UserRole).toLongLong())) {
            selection.select(list_->model()->index(row, 0), list_->model()->index(row, ListColumns - 1));
            ++found;
        }
    if (found != ids.size()) return false;
    list_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    return true;
}

bool DesignerPage::selectCampaign(qint64 id)
{
    if (!selectCampaigns({id})) return false;
    if (id != campaign_) return true;   // the selection opened it
    // Already the one edited: the list was refreshed; its row may have moved.
    for (const model::CampaignInfo& c : campaigns_)
        if (c.id == id && !hasUnsavedChanges() && undo_->count() == 0) openCampaign(c);
    return true;
}

bool DesignerPage::confirmLeave()
{
    if (!hasUnsavedChanges() || !isVisible()) return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("\u201c%1\u201d has changes that are not saved. Save them first?").arg(QString::fromStdString(spec_.name)),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) save();   // saved in the background with the terms it has now
    return true;
}

void DesignerPage::openCampaign(const model::CampaignInfo& info)
{
    campaign_ = info.id;
    undo_->clear();
    shown_.reset();
    optimized_.reset();
    right_->setCurrentIndex(0);
    auto spec = model::campaignSpecFromJson(info.spec);
    if (!spec) {
        // Imported history (an e-mail test) has no offer terms to design or forecast.
        readOnly_ = true;
        hasTerms_ = false;
        live_->clear();
        spec_ = CampaignSpec{};
        spec_.name = info.name.toStdString();
        spec_.startTs = info.startTs;
        form_->setSpec(spec_);
        form_->setReadOnly(true);
        form_->showProblems({});
        note_->setText(tr("This campaign was imported without offer terms (%1), so there is nothing to design or forecast. "
                          "The Reports page shows its results.")
                           .arg(spec.error().message));
        note_->show();
        status_->setText(tr("No forecast for a campaign without offer terms."));
        updateTitle();
        updateButtons();
        Q_EMIT opened(info.id);
        return;
    }
    spec_ = spec.value();
    spec_.name = info.name.toStdString();
    hasTerms_ = true;
    readOnly_ = info.treated + info.control > 0;
    form_->setSpec(spec_);
    form_->setReadOnly(readOnly_);
    note_->setText(tr("This campaign has run (%1 customers were in it): its terms stay as they were. The forecast is today's models on those terms; "
                      "duplicate it to design a new one.")
                       .arg(format_.integer(info.treated + info.control)));
    note_->setVisible(readOnly_);
    live_->clear();
    specChanged(spec_, false);
    updateTitle();
    updateButtons();
    Q_EMIT opened(info.id);
}

void DesignerPage::createFrom(CampaignSpec spec)
{
    storeLane_->start<qint64>(
        path_, tr("Saving…"),
        [spec](model::Workspace& ws, const JobProgress&) mutable -> model::Result<qint64> {
            spec.name = model::freeCampaignName(ws.db(), QString::fromStdString(spec.name)).toStdString();
            auto created = model::createCampaign(ws.db(), spec);
            if (!created) return created.error();
            return created->id;
        },
        [this](const model::Result<qint64>& r) {
            if (!r) {
                showFailure(tr("The campaign was not created: %1"), r.error().message);
                return;
            }
            campaign_ = 0;
            listCampaigns(r.value());
            Q_EMIT created(r.value());
            Q_EMIT campaignsChanged();
        });
}

void DesignerPage::newCampaign(CampaignType type)
{
    if (!confirmLeave()) return;
    CampaignSpec s;
    s.type = type;
    s.startTs = defaultStart();
    s.costPerContact = 0.05;
    switch (type) {
    case CampaignType::Coupon:
        s.name = tr("New coupon").toStdString();
        s.coupon.percentOff = 10;
        s.coupon.minSpend = 100;
        break;
    case CampaignType::FlashSale:
        s.name = tr("New flash sale").toStdString();
        s.flashSale.percentOff = 20;
        s.flashSale.durationHours = 6;
        break;
    case CampaignType::Member:
        s.name = tr("New member offer").toStdString();
        s.member.percentOff = 10;
        s.member.pointsMultiplier = 2;
        break;
    }
    createFrom(s);
}

void DesignerPage::duplicateCampaign()
{
    if (campaign_ == 0 || !hasTerms_ || !confirmLeave()) return;
    CampaignSpec s = spec_;
    if (readOnly_ && s.startTs < QDateTime::currentSecsSinceEpoch()) s.startTs = defaultStart();   // a campaign that ran: the copy is for the future
    createFrom(s);
}

void DesignerPage::renameCampaign(const QString& name)
{
    if (campaign_ == 0 || readOnly_ || name.trimmed().isEmpty()) return;
    CampaignSpec s = spec_;
    s.name = name.trimmed().toStdString();
    auto* edit = new SpecEdit(this, spec_, s, QString(), tr("rename"));
    edit->setInForm(false);
    undo_->push(edit);
    save();
}

void DesignerPage::deleteCampaign()
{
    if (campaign_ == 0) return;
    const qint64 id = campaign_;
    storeLane_->start<bool>(
        path_, tr("Deleting…"),
        [id](model::Workspace& ws, const JobProgress&) -> model::Result<bool> {
            if (auto problem = model::deleteCampaign(ws.db(), id, false)) return *problem;
            return true;
        },
        [this, id](const model::Result<bool>& r) {
            if (!r) {
                showFailure(tr("Not deleted: %1"), r.error().message);
                return;
            }
            campaign_ = 0;
            undo_->clear();
            live_->clear();
            shown_.reset();
            status_->setText(tr("Deleted."));
            listCampaigns();
            Q_EMIT deleted(id);
            Q_EMIT campaignsChanged();
        });
}

// ---- editing ----------------------------------------------------------------------------------

bool DesignerPage::hasUnsavedChanges() const { return campaign_ != 0 && !readOnly_ && !undo_->isClean(); }

QList<QPair<QString, QString>> DesignerPage::problems(const CampaignSpec& spec) const
{
    QList<QPair<QString, QString>> out = splitProblems(model::describeIssues(engine::validate(spec)));
    const QString name = QString::fromStdString(spec.name).trimmed();
    for (const model::CampaignInfo& c : campaigns_)
        if (c.id != campaign_ && c.name == name)
            out << qMakePair(QStringLiteral("name"), tr("another campaign is called \u201c%1\u201d; choose another name").arg(name));
    return out;
}

void DesignerPage::specChanged(const CampaignSpec& spec, bool toForm)
{
    spec_ = spec;
    if (toForm) form_->setSpec(spec);
    const auto found = problems(spec);
    form_->showProblems(found);
    updateTitle();
    if (!found.isEmpty()) {
        status_->setText(found.size() == 1 ? tr("The forecast waits for the problem shown in the form to be fixed.")
                                           : tr("The forecast waits for the %1 problems shown in the form to be fixed.").arg(found.size()));
        return;
    }
    live_->request(spec);
}

void DesignerPage::save()
{
    if (campaign_ == 0 || readOnly_) return;
    const auto found = problems(spec_);
    if (!found.isEmpty()) {
        form_->showProblems(found);
        QStringList lines;
        for (const auto& p : found) lines << p.second;
        status_->setText(tr("Not saved: fix what the form shows first.\n%1").arg(lines.join(QLatin1Char('\n'))));
        Q_EMIT saveRefused(lines.join(QLatin1Char('\n')));
        return;
    }
    const qint64 id = campaign_;
    const CampaignSpec spec = spec_;
    const int index = undo_->index();
    storeLane_->start<QStringList>(
        path_, tr("Saving…"),
        [id, spec](model::Workspace& ws, const JobProgress&) -> model::Result<QStringList> {
            QStringList problemsThere = model::checkCampaignSpec(ws.db(), spec, id);
            if (!problemsThere.isEmpty()) return problemsThere;
            auto saved = model::updateCampaign(ws.db(), id, spec);
            if (!saved) return saved.error();
            return QStringList{};
        },
        [this, id, index](const model::Result<QStringList>& r) {
            if (!r) {
                showFailure(tr("Not saved: %1"), r.error().message);
                return;
            }
            if (!r->isEmpty()) {
                form_->showProblems(splitProblems(r.value()));
                status_->setText(tr("Not saved: fix what the form shows first.\n%1").arg(r->join(QLatin1Char('\n'))));
                Q_EMIT saveRefused(r->join(QLatin1Char('\n')));
                return;
            }
            if (id == campaign_ && undo_->index() == index) undo_->setClean();
            status_->setText(tr("Saved."));
            listCampaigns(id);
            Q_EMIT saved(id);
            Q_EMIT campaignsChanged();
        });
}

void DesignerPage::updateTitle()
{
    if (campaign_ == 0) {
        title_->setText(tr("No campaign open"));
        form_->setEnabled(false);
        return;
    }
    form_->setEnabled(true);
    const QString name = QString::fromStdString(spec_.name);
    title_->setText(hasUnsavedChanges() ? tr("%1 \u2022 unsaved changes").arg(name) : name);
}

void DesignerPage::updateButtons()
{
    const int selected = int(list_->selectionModel()->selectedRows().size());
    const bool open = campaign_ != 0;
    duplicateButton_->setEnabled(open && hasTerms_);
    renameButton_->setEnabled(open && !readOnly_);
    deleteButton_->setEnabled(open && selected == 1);
    compareButton_->setEnabled(selected >= 2 && selected <= 3);
    undoButton_->setEnabled(undo_->canUndo());
    redoButton_->setEnabled(undo_->canRedo());
    undoButton_->setToolTip(undo_->undoText().isEmpty() ? QString() : tr("Undo %1").arg(undo_->undoText()));
    redoButton_->setToolTip(undo_->redoText().isEmpty() ? QString() : tr("Redo %1").arg(undo_->redoText()));
    saveButton_->setEnabled(open && !readOnly_);
    optimizeButton_->setEnabled(open && !readOnly_);
}

QString DesignerPage::titleText() const { return title_->text(); }
void DesignerPage::showFailure(const QString& what, const QString& message)
{
    status_->setText(what.arg(message));
    Q_EMIT failed(message);
}

QString DesignerPage::statusText() const { return status_->text(); }
QString DesignerPage::warningsText() const { return warnings_->text(); }
QString DesignerPage::optimizeNoteText() const { return optimizeNote_->text(); }

// ---- the preview ------------------------------------------------------------------------------

void DesignerPage::setChart(int index, QChart* chart) { replaceChart(charts_[index], chart); }

void DesignerPage::showFigures(const std::shared_ptr<const PreviewFigures>& f)
{
    shown_ = f;
    const engine::PreviewTotals& t = f->preview.result.totals;
    auto text = [this](double v, Unit unit) { return unit == Unit::Money ? format_.money(v) : unit == Unit::Count ? format_.count(v) : format_.ratio(v); };
    headline_->setHorizontalHeaderItem(2, new QTableWidgetItem(tr("%1 % interval").arg(qRound(100 * f->preview.level))));
    headline_->setItem(0, 1, cell(format_.integer(t.targeted), true));
    headline_->setItem(0, 2, cell(tr("of %1 eligible").arg(format_.integer(t.eligible)), true));
    for (int i = 0; i < int(std::size(kHeadlines)); ++i) {
        const engine::Estimate& e = t.*kHeadlines[i].member;
        headline_->setItem(i + 1, 1, cell(text(e.value, kHeadlines[i].unit), true));
        headline_->setItem(i + 1, 2, cell(format_.interval(e.low, e.high, [&](double v) { return text(v, kHeadlines[i].unit); }), true));
    }
    source_->setText(tr("Forecast from: %1").arg(f->preview.sourceText));
    QStringList warnings;
    for (const QString& w : f->preview.warnings) warnings << QStringLiteral("\u2022 ") + w;
    warnings_->setText(warnings.join(QLatin1Char('\n')));
    warnings_->setVisible(!warnings.isEmpty());

    setChart(Waterfall, profitWaterfallChart(t, f->spec.grossMargin, format_));
    if (f->stage >= PreviewStage::Ranked) {
        const double reachedShare = t.eligible > 0 ? double(f->preview.result.reached) / double(t.eligible) : 0;
        setChart(Depth, profitByDepthChart(f->preview.result.depthCurve, reachedShare, format_));
        setChart(Uptake, uptakeDistributionChart(f->uptakeBins, f->uptakeBinWidth, format_));
    }
    if (f->full()) {
        setChart(Discount, roiByDiscountChart(f->preview.discountSweep, f->preview.sweepParameter, f->preview.sweepCurrent, format_));
        setChart(Segments, segmentBreakdownChart(f->preview.segments, format_));
        const bool flash = f->spec.type == CampaignType::FlashSale && !f->preview.hourly.isEmpty();
        charts_[Hourly]->setVisible(flash);
        if (flash) setChart(Hourly, hourlyUptakeChart(f->preview.hourly, format_));
    }
    const bool current = f->request == live_->latestRequest();
    if (current && f->full()) status_->setText(tr("Forecast of the terms in the form, for %1 eligible customers.").arg(format_.integer(t.eligible)));
    else if (current) status_->setText(tr("Forecast updated; the charts follow."));
    Q_EMIT previewShown(current && f->full());
}

// ---- optimise ---------------------------------------------------------------------------------

void DesignerPage::optimize()
{
    if (campaign_ == 0 || readOnly_) return;
    const auto session = live_->session();
    if (!session || !problems(spec_).isEmpty()) {
        status_->setText(tr("Optimise needs a forecast first: fix what the form shows, and wait for the figures."));
        return;
    }
    const CampaignSpec start = spec_;
    workLane_->start<model::OptimizeResult>(
        path_, tr("Searching better terms…"),
        [session, start](model::Workspace&, const JobProgress& progress) -> model::Result<model::OptimizeResult> {
            model::OptimizeOptions o;
            o.progress = [&progress](double f) { return progress.report(DesignerPage::tr("Searching better terms…"), f); };
            return model::optimizeCampaign(*session, start, o);
        },
        [this](const model::Result<model::OptimizeResult>& r) {
            if (!r) {
                showFailure(tr("No better terms found: %1"), r.error().message);
                return;
            }
            optimized_ = r.value();
            showOptimized();
            Q_EMIT optimized();
        });
}

void DesignerPage::showOptimized()
{
    const model::OptimizeResult& o = *optimized_;
    QList<const model::OptimizedSpec*> columns{&o.current};
    for (const model::OptimizedSpec& b : o.best) columns << &b;
    QStringList header{tr("Current")};
    for (qsizetype i = 0; i < o.best.size(); ++i) header << (i == 0 ? tr("Best") : tr("Option %1").arg(i + 1));
    optimizeTable_->clear();
    optimizeTable_->setColumnCount(int(header.size()));
    optimizeTable_->setHorizontalHeaderLabels(header);
    QList<QPair<QString, std::function<QString(const model::OptimizedSpec&)>>> rows;
    rows << qMakePair(tr("Offer"), [](const model::OptimizedSpec& s) { return model::offerTerms(s.spec); });
    rows << qMakePair(tr("Starts"), [](const model::OptimizedSpec& s) { return QDateTime::fromSecsSinceEpoch(s.spec.startTs).toString(QStringLiteral("yyyy-MM-dd HH:mm")); });
    rows << qMakePair(tr("Targeting depth"), [this](const model::OptimizedSpec& s) { return format_.percent(s.spec.targetShare); });
    rows << qMakePair(tr("Users reached"), [this](const model::OptimizedSpec& s) { return format_.integer(s.totals.targeted); });
    rows << qMakePair(tr("Incremental profit"), [this](const model::OptimizedSpec& s) { return format_.money(s.totals.incrementalProfit.value); });
    rows << qMakePair(tr("Total cost"), [this](const model::OptimizedSpec& s) { return format_.money(s.totals.totalCost.value); });
    rows << qMakePair(tr("Expected redemptions"), [this](const model::OptimizedSpec& s) { return format_.count(s.totals.redemptions.value); });
    rows << qMakePair(tr("ROI"), [this](const model::OptimizedSpec& s) { return format_.ratio(s.totals.roi.value); });
    rows << qMakePair(tr("Incremental ROI"), [this](const model::OptimizedSpec& s) { return format_.ratio(s.totals.incrementalRoi.value); });
    optimizeTable_->setRowCount(int(rows.size()));
    QStringList labels;
    for (int r = 0; r < int(rows.size()); ++r) {
        labels << rows[r].first;
        for (int c = 0; c < int(columns.size()); ++c) optimizeTable_->setItem(r, c, cell(rows[r].second(*columns[c]), r >= 3));
    }
    optimizeTable_->setVerticalHeaderLabels(labels);
    fitRows(optimizeTable_);
    if (optimizeTable_->columnCount() > 1) optimizeTable_->selectColumn(1);
    QStringList searched;
    for (const model::OptimizeResult::Term& t : o.searchedTerms) searched << searchedTerm(t, format_);
    optimizeNote_->setText(tr("%1 candidate terms forecast on %2 customers in %3 s; searched: %4. Choose a column and apply it — one step to undo.")
                               .arg(o.evaluations)
                               .arg(format_.integer(o.searchedUsers))
                               .arg(format_.decimal(o.seconds, o.seconds < 10 ? 2 : 0))
                               .arg(searched.join(QStringLiteral("; "))));
    status_->setText(tr("Better terms found: the best adds %1 of incremental profit to the current terms.")
                         .arg(format_.money(o.best.isEmpty() ? 0 : o.best.front().totals.incrementalProfit.value - o.current.totals.incrementalProfit.value)));
    right_->setCurrentIndex(1);
}

bool DesignerPage::applyOptimized(int index)
{
    if (!optimized_ || index < 0 || index >= optimized_->best.size() || readOnly_) return false;
    CampaignSpec chosen = optimized_->best[index].spec;
    chosen.name = spec_.name;
    auto* edit = new SpecEdit(this, spec_, chosen, QString(), tr("apply optimised terms"));
    edit->setInForm(false);
    undo_->push(edit);
    right_->setCurrentIndex(0);
    return true;
}

// ---- compare ----------------------------------------------------------------------------------

void DesignerPage::compare()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() < 2 || ids.size() > 3) {
        status_->setText(tr("Select two or three campaigns to compare."));
        return;
    }
    QList<model::CampaignInfo> chosen;
    for (const model::CampaignInfo& c : campaigns_)
        if (ids.contains(c.id)) chosen << c;
    workLane_->start<std::shared_ptr<const Compared>>(
        path_, tr("Forecasting the campaigns…"),
        [chosen](model::Workspace& ws, const JobProgress& progress) -> model::Result<std::shared_ptr<const Compared>> {
            auto out = std::make_shared<Compared>();
            for (qsizetype i = 0; i < chosen.size(); ++i) {
                const model::CampaignInfo& c = chosen[i];
                if (!progress.report(DesignerPage::tr("Forecasting \u201c%1\u201d…").arg(c.name), double(i) / double(chosen.size())))
                    return model::makeError(DesignerPage::tr("cancelled"));
                auto spec = model::campaignSpecFromJson(c.spec);
                if (!spec) return model::makeError(DesignerPage::tr("\u201c%1\u201d has no offer terms to forecast").arg(c.name));
                auto session = model::PreviewSession::open(ws, spec.value());
                if (!session) return model::makeError(QStringLiteral("%1: %2").arg(c.name, session.error().message));
                auto p = session->preview(spec.value(), model::PreviewSession::Detail::Ranked);
                if (!p) return model::makeError(QStringLiteral("%1: %2").arg(c.name, p.error().message));
                out->campaigns << Compared::Entry{c.name, spec.value(), p->result.totals, p->result.depthCurve, p->level};
            }
            return std::shared_ptr<const Compared>(out);
        },
        [this](const model::Result<std::shared_ptr<const Compared>>& r) {
            if (!r) {
                showFailure(tr("No comparison: %1"), r.error().message);
                return;
            }
            compared_ = r.value();
            showComparison();
            Q_EMIT compared();
        });
}

void DesignerPage::showComparison()
{
    const auto& entries = compared_->campaigns;
    QStringList header;
    for (const auto& e : entries) header << e.name;
    compareTable_->clear();
    compareTable_->setColumnCount(int(header.size()));
    compareTable_->setHorizontalHeaderLabels(header);
    auto text = [this](double v, Unit unit) { return unit == Unit::Money ? format_.money(v) : unit == Unit::Count ? format_.count(v) : format_.ratio(v); };
    compareTable_->setRowCount(2 + int(std::size(kHeadlines)));
    QStringList labels{tr("Offer"), reachedLabel()};
    for (int c = 0; c < int(entries.size()); ++c) {
        compareTable_->setItem(0, c, cell(model::offerTerms(entries[c].spec)));
        compareTable_->setItem(1, c, cell(format_.integer(entries[c].totals.targeted), true));
    }
    for (int i = 0; i < int(std::size(kHeadlines)); ++i) {
        labels << DesignerPage::tr(kHeadlines[i].label);
        for (int c = 0; c < int(entries.size()); ++c) {
            const engine::Estimate& e = entries[c].totals.*kHeadlines[i].member;
            const Unit unit = kHeadlines[i].unit;
            compareTable_->setItem(i + 2, c, cell(QStringLiteral("%1\n%2").arg(text(e.value, unit), format_.interval(e.low, e.high, [&](double v) { return text(v, unit); })), true));
        }
    }
    compareTable_->setVerticalHeaderLabels(labels);
    compareTable_->horizontalHeaderItem(0)->setToolTip(tr("Each figure: expected, then its %1 % interval.").arg(qRound(100 * entries.front().level)));
    fitRows(compareTable_);
    QList<QPair<QString, engine::PreviewTotals>> totals;
    QList<QPair<QString, std::vector<engine::DepthPoint>>> curves;
    for (const auto& e : entries) totals << qMakePair(e.name, e.totals), curves << qMakePair(e.name, e.depth);
    replaceChart(compareCharts_[0], campaignComparisonChart(totals, format_));
    replaceChart(compareCharts_[1], depthComparisonChart(curves, format_));
    status_->setText(tr("%1 campaigns side by side, each forecast on its own customers.").arg(entries.size()));
    right_->setCurrentIndex(2);
}

void DesignerPage::cancel()
{
    live_->loadLane()->cancel();
    workLane_->cancel();
}

} // namespace cwb::ui
