#include "profile_page.h"

#include "background_job.h"
#include "report/campaign_charts.h"

#include "workspace/workspace.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

namespace {

QString esc(const QString& s) { return s.toHtmlEscaped(); }

// The locale's short date with a four-digit year.
QString day(qint64 t)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy"))) format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date(), format);
}

// A shop field's value as text: strings as they are, numbers in the locale, nested values as JSON.
QString jsonText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Double: return QLocale().toString(v.toDouble(), 'g', 12);
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default: return QStringLiteral("\u2014");
    }
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:14px; color:#555'>%1</td><td>%2</td></tr>").arg(esc(label), value);
}

} // namespace

ProfilePage::ProfilePage(QWidget* parent) : QWidget(parent)
{
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Customer id, e.g. U0000001"));
    search_->setClearButtonEnabled(true);
    go_ = new QPushButton(tr("Show"), this);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(120);
    busy_->setTextVisible(false);
    busy_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    loadLane_ = new JobLane(this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    card_ = new QLabel(this);
    card_->setTextFormat(Qt::RichText);
    card_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    card_->setWordWrap(true);
    card_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    card_->setText(tr("Type a customer id above and press Enter."));
    auto* cardScroll = new QScrollArea(this);
    cardScroll->setWidget(card_);
    cardScroll->setWidgetResizable(true);
    cardScroll->setFrameShape(QFrame::NoFrame);

    chart_ = new QChartView(this);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(320);

    findLike_ = new QPushButton(tr("Find customers like this one"), this);
    findLike_->setEnabled(false);
    lookalikes_ = new QStandardItemModel(0, 2, this);
    lookalikes_->setHorizontalHeaderLabels({tr("Customer"), tr("Similarity")});
    lookalikeView_ = new QTableView(this);
    lookalikeView_->setModel(lookalikes_);
    lookalikeView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    lookalikeView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    lookalikeView_->verticalHeader()->hide();
    lookalikeView_->horizontalHeader()->setStretchLastSection(true);
    lookalikeView_->setToolTip(tr("Double-click a customer to open their profile"));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Customer:"), this));
    top->addWidget(search_, 1);
    top->addWidget(go_);
    top->addWidget(busy_);
    top->addWidget(cancel_);

    auto* likeBox = new QWidget(this);
    auto* likeLayout = new QVBoxLayout(likeBox);
    likeLayout->setContentsMargins(0, 0, 0, 0);
    likeLayout->addWidget(findLike_);
    likeLayout->addWidget(lookalikeView_, 1);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chart_);
    right->addWidget(likeBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({340, 200});
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(cardScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({400, 600});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(search_, &QLineEdit::returnPressed, this, [this] { showUser(search_->text().trimmed()); });
    connect(go_, &QPushButton::clicked, this, [this] { showUser(search_->text().trimmed()); });
    connect(cancel_, &QPushButton::clicked, this, &ProfilePage::cancel);
    connect(loadLane_, &JobLane::started, this, [this] { cancel_->show(); });
    showProgressIn(loadLane_, status_, busy_, cancel_, tr("Cancelled."));
    connect(findLike_, &QPushButton::clicked, this, &ProfilePage::findLookalikes);
    connect(lookalikeView_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = lookalikes_->item(index.row(), 0)->text();
        search_->setText(id);
        showUser(id);
    });
}

void ProfilePage::setWorkspace(const QString& path)
{
    path_ = path;
    ++generation_;
    profile_.reset();
    lookalikes_->removeRows(0, lookalikes_->rowCount());
    findLike_->setEnabled(false);
    card_->setText(tr("Type a customer id above and press Enter."));
    replaceChart(chart_, new QChart);
    status_->clear();
    loadLane_->cancel();
    idle();
}

void ProfilePage::setBusy(const QString& what)
{
    busy_->setRange(0, 0);
    busy_->setVisible(!what.isEmpty());
    status_->setText(what);
}

void ProfilePage::idle()
{
    busy_->hide();
    cancel_->hide();
}

void ProfilePage::showUser(const QString& userId)
{
    if (path_.isEmpty() || userId.isEmpty()) return;
    ++generation_;   // lookalikes of the customer shown before are dropped
    setBusy(tr("Reading the profile of %1\u2026 (the first profile of a workspace may build its features: seconds per million customers)").arg(userId));
    using R = model::Result<model::UserProfile>;
    // A newer request supersedes this one: the lane drops its result.
    loadLane_->start<model::UserProfile>(
        path_, tr("Reading the profile of %1").arg(userId),
        [userId](model::Workspace& ws, const JobProgress& progress) -> R {
            return model::loadUserProfile(ws, userId, 26, [&](const QString& what, double f) {
                return progress.report(tr("Building the customer features first: %1").arg(what), f);
            });
        },
        [this, userId](const R& r) {
            idle();
            status_->clear();
            if (!r) {
                status_->setText(tr("No profile for %1: %2").arg(userId, r.error().message));
                Q_EMIT failed(r.error().message);
                return;
            }
            profile_ = r.value();
            showProfile(*profile_);
            Q_EMIT shown(userId);
        });
}

void ProfilePage::cancel() { loadLane_->cancel(); }

QString ProfilePage::cardText() const { return card_->text(); }

void ProfilePage::showProfile(const model::UserProfile& p)
{
    const QLocale locale;
    QStringList who;
    if (p.age) who << tr("%1 years").arg(*p.age);
    for (const QString& s : {p.gender, p.city == p.region ? p.city : (p.city.isEmpty() ? p.region : p.city + QStringLiteral(", ") + p.region), p.occupation})
        if (!s.isEmpty()) who << esc(s);
    if (!p.memberTier.isEmpty()) who << tr("member tier %1").arg(esc(p.memberTier));
    if (p.signupDate) who << tr("joined %1").arg(day(*p.signupDate));

    const auto number = [&](const char* name) { return p.features.value(QLatin1String(name)); };
    QString rows;
    rows += row(tr("RFM"), p.rfmR > 0 ? tr("<b>R %1 · F %2 · M %3</b> — %4").arg(p.rfmR).arg(p.rfmF).arg(p.rfmM).arg(esc(p.rfmGroup)) : esc(p.rfmGroup));
    rows += row(tr("Orders"), locale.toString(qint64(number("orders").toDouble())));
    rows += row(tr("Spend"), locale.toString(number("monetary").toDouble(), 'f', 2));
    rows += row(tr("Last order"), number("recency_days").isNull() ? tr("never") : tr("%1 days ago").arg(locale.toString(qint64(number("recency_days").toDouble()))));
    rows += row(tr("Visits per week"), locale.toString(number("sessions_per_week").toDouble(), 'f', 2));
    rows += row(tr("Churn risk"), p.churnRisk ? tr("%1 / 100 (%2)").arg(locale.toString(*p.churnRisk, 'f', 0), esc(p.churnBand)) : tr("not scored"));
    QStringList tags;
    for (qsizetype i = 0; i < p.interests.size() && i < 5; ++i)
        tags << tr("%1 (%2 views, %3 bought)").arg(esc(p.interests[i].category)).arg(p.interests[i].views).arg(p.interests[i].purchases);
    rows += row(tr("Interests"), tags.isEmpty() ? tr("none yet") : tags.join(QStringLiteral(", ")));
    QStringList searches;
    for (const QString& s : p.topSearches) searches << esc(s);
    if (!searches.isEmpty()) rows += row(tr("Searches"), searches.join(QStringLiteral(", ")));
    QStringList segments;
    for (const QString& s : p.segments) segments << esc(s);
    rows += row(tr("Segments"), segments.isEmpty() ? tr("none") : segments.join(QStringLiteral(", ")));
    if (!p.attributes.isEmpty()) {
        QStringList attrs;
        for (auto it = p.attributes.begin(); it != p.attributes.end(); ++it)
            attrs << QStringLiteral("%1: %2").arg(esc(it.key()), esc(jsonText(it.value())));
        rows += row(tr("Shop's own fields"), attrs.join(QStringLiteral("<br>")));
    }
    card_->setText(QStringLiteral("<h2>%1</h2><p>%2</p><table>%3</table><p style='color:#777'>%4</p>")
                       .arg(esc(p.userId), who.join(QStringLiteral(" · ")), rows, tr("As of %1.").arg(day(p.asOf))));
    showChart(p);
    lookalikes_->removeRows(0, lookalikes_->rowCount());
    findLike_->setEnabled(true);
}

void ProfilePage::showChart(const model::UserProfile& p)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Activity by week"));
    auto* events = new QBarSet(tr("Events"));
    auto* orders = new QLineSeries;
    orders->setName(tr("Orders"));
    orders->setPointsVisible(true);
    // Bars sit at 0, 1, 2 … on a value axis; the axis is labelled where a month begins.
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, std::max<qsizetype>(1, p.timeline.size()) - 0.5);
    x->setGridLineVisible(false);
    x->setTitleText(tr("Week"));
    double maxEvents = 1, maxOrders = 1;
    int lastMonth = -1;
    for (int i = 0; i < p.timeline.size(); ++i) {
        const model::WeekActivity& w = p.timeline[i];
        *events << double(w.events);
        orders->append(i, double(w.orders));
        maxEvents = std::max(maxEvents, double(w.events));
        maxOrders = std::max(maxOrders, double(w.orders));
        const QDate start = QDateTime::fromSecsSinceEpoch(w.weekStart, Qt::UTC).date();
        const int month = start.year() * 12 + start.month();
        if (month != lastMonth) {
            x->append(QLocale().toString(start, QStringLiteral("MMM yyyy")), i);
            lastMonth = month;
        }
    }
    auto* bars = new QBarSeries;
    bars->append(events);
    chart->addSeries(bars);
    chart->addSeries(orders);
    // Whole numbers on whole ticks.
    auto countAxis = [](double top, const QString& title) {
        auto* axis = new QValueAxis;
        const double ceiling = std::max(1.0, std::ceil(top));
        axis->setRange(0, ceiling);
        if (ceiling <= 6) axis->setTickCount(int(ceiling) + 1);
        else axis->applyNiceNumbers();
        axis->setLabelFormat(QStringLiteral("%d"));
        axis->setTitleText(title);
        return axis;
    };
    QValueAxis* yEvents = countAxis(maxEvents, tr("Events"));
    QValueAxis* yOrders = countAxis(maxOrders, tr("Orders"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(yEvents, Qt::AlignLeft);
    chart->addAxis(yOrders, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(yEvents);
    orders->attachAxis(x);
    orders->attachAxis(yOrders);
    chart->legend()->setAlignment(Qt::AlignBottom);
    replaceChart(chart_, chart);
}

void ProfilePage::findLookalikes()
{
    if (!profile_ || path_.isEmpty()) return;
    const int generation = generation_;
    const QString userId = profile_->userId;
    setBusy(tr("Looking for the customers most like %1\u2026").arg(userId));
    findLike_->setEnabled(false);
    using Found = model::Result<model::LookalikeResult>;
    auto* watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcher<Found>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) return;
        setBusy({});
        findLike_->setEnabled(true);
        const Found r = watcher->result();
        if (!r) {
            status_->setText(tr("No lookalikes: %1").arg(r.error().message));
            Q_EMIT failed(r.error().message);
            return;
        }
        lookalikes_->removeRows(0, lookalikes_->rowCount());
        for (const model::LookalikeUser& u : r->users) {
            auto* id = new QStandardItem(u.userId);
            auto* sim = new QStandardItem(QLocale().toString(u.similarity, 'f', 3));
            sim->setData(u.similarity, Qt::UserRole);
            sim->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            lookalikes_->appendRow({id, sim});
        }
        lookalikeView_->resizeColumnsToContents();
        status_->setText(tr("The %1 customers most like %2 (cosine similarity to their scaled features, out of %3).")
                             .arg(r->users.size())
                             .arg(r->seedSegment)
                             .arg(QLocale().toString(r->candidates)));
        Q_EMIT lookalikesShown(static_cast<int>(r->users.size()));
    });
    const QString path = path_;
    watcher->setFuture(QtConcurrent::run([path, userId]() -> Found {
        auto ws = model::Workspace::open(path);
        if (!ws) return ws.error();
        model::LookalikeRequest req;
        req.seedUser = userId;
        req.top = 20;
        return model::findLookalikeUsers(ws.value(), req);
    }));
}

} // namespace cwb::ui
