#include "models_page.h"

#include "background_job.h"
#include "report/campaign_charts.h"
#include "report/report_format.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace cwb::ui {

struct ModelsPage::Shown {
    model::UptakeModel model;
    model::Evaluation evaluation;
    model::TestPredictions test;
    model::SplitSummary split;
    QStringList warnings;
    double threshold = 0.5;
};

namespace {

enum Column { Id, Kind, Learner, Target, Trained, Auc, Qini, Name, Columns };

} // namespace

ModelsPage::ModelsPage(QWidget* parent) : QWidget(parent)
{
    listLane_ = new JobLane(this);
    workLane_ = new JobLane(this);

    learner_ = new QComboBox(this);
    learner_->addItem(tr("Logistic regression (transparent)"), int(engine::BaseLearner::Logistic));
    learner_->addItem(tr("Boosted trees (xgboost)"), int(engine::BaseLearner::BoostedTrees));
    target_ = new QComboBox(this);
    target_->addItem(tr("Bought (converted)"), int(model::Outcome::Converted));
    target_->addItem(tr("Used the offer (redeemed)"), int(model::Outcome::Redeemed));
    target_->addItem(tr("Visited"), int(model::Outcome::Visited));
    uplift_ = new QCheckBox(tr("Uplift: learn what the offer changes (needs control groups)"), this);
    uplift_->setChecked(true);
    trainButton_ = new QPushButton(tr("&Train"), this);
    auto* trainBox = new QGroupBox(tr("Train a model on the past campaigns"), this);
    auto* form = new QFormLayout(trainBox);
    form->addRow(tr("Learner:"), learner_);
    form->addRow(tr("Outcome:"), target_);
    form->addRow(uplift_);
    form->addRow(trainButton_);

    models_ = new QTableWidget(0, Columns, this);
    models_->setObjectName(QStringLiteral("modelList"));
    models_->setHorizontalHeaderLabels({tr("Id"), tr("Kind"), tr("Learner"), tr("Outcome"), tr("Trained (UTC)"), tr("AUC"), tr("Qini"), tr("Name")});
    models_->setSelectionBehavior(QAbstractItemView::SelectRows);
    models_->setSelectionMode(QAbstractItemView::SingleSelection);
    models_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    models_->verticalHeader()->hide();
    models_->horizontalHeader()->setStretchLastSection(true);
    forecastModel_ = new QLabel(this);
    forecastModel_->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(trainBox);
    leftLayout->addWidget(new QLabel(tr("Models in this workspace:"), left));
    leftLayout->addWidget(models_, 1);
    leftLayout->addWidget(forecastModel_);

    status_ = new QLabel(tr("Choose a model to see how well it predicts, or train one."), this);
    status_->setWordWrap(true);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 100);
    busy_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title_->setFont(bold);
    metrics_ = new QLabel(this);
    metrics_->setTextFormat(Qt::RichText);
    metrics_->setWordWrap(true);
    metrics_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warnings_ = new QLabel(this);
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    auto* grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        auto* view = new QChartView(this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(360, 260);
        charts_ << view;
        grid->addWidget(view, i / 2, i % 2);
    }

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(statusRow(status_, busy_, cancel_));
    rightLayout->addWidget(title_);
    rightLayout->addWidget(metrics_);
    rightLayout->addWidget(warnings_);
    rightLayout->addLayout(grid, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(right);
    scroll->setWidgetResizable(true);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(1, 1);
    split->setSizes({420, 860});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(trainButton_, &QPushButton::clicked, this, &ModelsPage::train);
    connect(cancel_, &QPushButton::clicked, this, &ModelsPage::cancel);
    connect(workLane_, &JobLane::started, this, [this] { cancel_->show(); });
    connect(models_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = models_->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        const qint64 id = models_->item(rows.first().row(), Id)->text().toLongLong();
        if (id != shown_) selectModel(id);
    });
    showProgressIn(workLane_, status_, busy_, cancel_, tr("Cancelled."));
    clearShown();
}

void ModelsPage::setWorkspace(const QString& path)
{
    path_ = path;
    workLane_->cancel();
    clearShown();
    listModels();
}

void ModelsPage::setTrainChoice(engine::BaseLearner learner, model::Outcome target, bool uplift)
{
    learner_->setCurrentIndex(learner_->findData(int(learner)));
    target_->setCurrentIndex(target_->findData(int(target)));
    uplift_->setChecked(uplift);
}

int ModelsPage::listedModels() const { return models_->rowCount(); }
QString ModelsPage::metricsText() const { return metrics_->text(); }
QString ModelsPage::warningsText() const { return warnings_->text(); }
QString ModelsPage::forecastModelText() const { return forecastModel_->text(); }
QString ModelsPage::statusText() const { return status_->text(); }

void ModelsPage::cancel() { workLane_->cancel(); }

void ModelsPage::listModels(qint64 select)
{
    listLane_->start<QList<model::ModelSummary>>(
        path_, tr("Listing the models…"),
        [](model::Workspace& ws, const JobProgress&) -> model::Result<QList<model::ModelSummary>> { return model::listModels(ws.db()); },
        [this, select](const model::Result<QList<model::ModelSummary>>& r) {
            if (!r) {
                status_->setText(tr("The models could not be listed: %1").arg(r.error().message));
                return;
            }
            const QSignalBlocker block(models_);
            models_->setRowCount(0);
            const ReportFormat f;
            const model::ModelSummary* forecast = nullptr;
            for (const model::ModelSummary& m : r.value()) {
                // Forecasts take the newest uplift model of "converted", else the newest response model of it.
                if (m.target == QLatin1String("converted") && (m.kind == QLatin1String("uplift") || m.kind == QLatin1String("response"))) {
                    if (!forecast || (forecast->kind != QLatin1String("uplift") && m.kind == QLatin1String("uplift"))) forecast = &m;
                }
                const int row = models_->rowCount();
                models_->insertRow(row);
                const double auc = m.metrics.value(QStringLiteral("auc")).toDouble(std::nan(""));
                const QJsonValue qini = m.metrics.value(QStringLiteral("uplift")).toObject().value(QStringLiteral("qini"));
                const QStringList cells{QString::number(m.id), m.kind, m.learner, m.target, f.dateTime(m.trainedAt).chopped(4),
                                        f.decimal(auc, 3), qini.isDouble() ? f.decimal(qini.toDouble(), 3) : QString(), m.name};
                for (int c = 0; c < Columns; ++c) {
                    auto* item = new QTableWidgetItem(cells[c]);
                    if (c == Id || c == Auc || c == Qini) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    models_->setItem(row, c, item);
                }
            }
            models_->resizeColumnsToContents();
            forecastModel_->setText(forecast ? tr("Campaign forecasts use model %1 (%2, %3).").arg(QString::number(forecast->id), forecast->kind, forecast->learner)
                                             : tr("No model of purchases yet: campaign forecasts use past campaigns' rates."));
            Q_EMIT modelsListed();
            if (select > 0) selectModel(select);
        });
}

bool ModelsPage::selectModel(qint64 id)
{
    int row = -1;
    for (int r = 0; r < models_->rowCount(); ++r)
        if (models_->item(r, Id)->text().toLongLong() == id) row = r;
    if (row < 0) return false;
    {
        const QSignalBlocker block(models_);
        models_->selectRow(row);
    }
    if (models_->item(row, Kind)->text() == QLatin1String("churn")) {
        clearShown();
        status_->setText(tr("Model %1 predicts churn; the Segments page uses it. Its test AUC is %2.").arg(id).arg(models_->item(row, Auc)->text()));
        return true;
    }
    status_->setText(tr("Evaluating model %1 on its test rows…").arg(id));
    workLane_->start<Shown>(
        path_, tr("Evaluating model %1…").arg(id),
        [id](model::Workspace& ws, const JobProgress& progress) -> model::Result<Shown> {
            auto r = model::evaluateModel(ws, id, std::nullopt, [&](const QString& what, double f) { return progress.report(what, f); });
            if (!r) return r.error();
            return Shown{r->model, r->evaluation, r->test, r->split, r->warnings, r->threshold};
        },
        [this](const model::Result<Shown>& r) {
            if (!r) {
                status_->setText(tr("The model could not be evaluated: %1").arg(r.error().message));
                Q_EMIT failed(r.error().message);
                return;
            }
            show(r.value());
        });
    return true;
}

void ModelsPage::train()
{
    if (path_.isEmpty()) return;
    model::TrainRequest request;
    request.data.target = model::Outcome(target_->currentData().toInt());
    request.kind = uplift_->isChecked() ? model::ModelKind::Uplift : model::ModelKind::Response;
    request.base.learner = engine::BaseLearner(learner_->currentData().toInt());
    status_->setText(tr("Training…"));
    workLane_->start<Shown>(
        path_, tr("Training a model…"),
        [request](model::Workspace& ws, const JobProgress& progress) -> model::Result<Shown> {
            auto r = model::trainModel(ws, request, [&](const QString& what, double f) { return progress.report(what, f); });
            if (!r) return r.error();
            model::UptakeModel m = r->model;
            m.id = r->modelId;
            return Shown{m, r->evaluation, r->test, r->split, r->warnings + r->notes, r->threshold};
        },
        [this](const model::Result<Shown>& r) {
            if (!r) {
                status_->setText(tr("No model was trained: %1").arg(r.error().message));
                Q_EMIT failed(r.error().message);
                return;
            }
            show(r.value());
            status_->setText(tr("Trained and saved model %1.").arg(r->model.id));
            listModels();
            Q_EMIT trained(r->model.id);
        });
}

void ModelsPage::clearShown()
{
    shown_ = 0;
    title_->clear();
    metrics_->clear();
    warnings_->clear();
    for (QChartView* v : charts_) replaceChart(v, new QChart);
}

void ModelsPage::show(const Shown& s)
{
    const ReportFormat f;
    const model::Evaluation& e = s.evaluation;
    shown_ = s.model.id;
    title_->setText(tr("Model %1: %2").arg(QString::number(s.model.id), s.model.describe()));
    auto row = [](const QString& label, const QString& value, const QString& help = {}) {
        return QStringLiteral("<tr><td><b>%1</b></td><td style=\"padding-left:12px\">%2</td><td style=\"padding-left:12px; color:#616161\">%3</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped(), help.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p>%1</p><table>").arg(tr("Tested on %1 rows it was not trained on (%2); %3 positive.")
                                                             .arg(f.integer(e.rows), s.split.description.toHtmlEscaped(), f.integer(qRound64(e.positives))));
    html += row(tr("AUC"), f.decimal(e.auc, 3), tr("0.5 is guessing, 1 is perfect; 0.6–0.75 is usual for offers"));
    html += row(tr("Log loss"), f.decimal(e.logLoss, 4), tr("lower is better"));
    html += row(tr("Brier score"), f.decimal(e.brier, 4), tr("lower is better"));
    html += row(tr("Mean predicted / observed"), QStringLiteral("%1 / %2").arg(f.percent(e.meanPredicted), f.percent(e.baseRate)));
    html += row(tr("Calibration error"), f.percentagePoints(e.calibrationError).remove(QLatin1Char('+')), tr("average gap between predicted and observed over ten bins"));
    html += row(tr("At threshold %1").arg(f.percent(e.atThreshold.threshold)),
                tr("accuracy %1, precision %2, recall %3, F1 %4")
                    .arg(f.percent(e.atThreshold.accuracy), f.percent(e.atThreshold.precision), f.percent(e.atThreshold.recall), f.decimal(e.atThreshold.f1, 3)));
    if (e.uplift) {
        html += row(tr("Qini coefficient"), f.decimal(e.qini, 3), tr("above 0: ranks users by the offer's effect better than chance"));
        html += row(tr("AUUC"), f.decimal(e.auuc, 4));
        html += row(tr("Uplift in the top 10 / 20 / 30 %"),
                    QStringLiteral("%1 / %2 / %3").arg(f.percentagePoints(e.upliftAt10), f.percentagePoints(e.upliftAt20), f.percentagePoints(e.upliftAt30)),
                    tr("against %1 over all test users").arg(f.percentagePoints(e.observedEffect)));
    }
    metrics_->setText(html + QStringLiteral("</table>"));
    QStringList warnings;
    for (const QString& w : s.warnings) warnings << QStringLiteral("⚠ ") + w;
    warnings_->setText(warnings.join(QLatin1Char('\n')));

    // ROC on the treated test rows, as the AUC is.
    std::vector<Eigen::Index> rows;
    for (std::size_t i = 0; i < s.test.treated.size(); ++i)
        if (s.test.treated[i]) rows.push_back(Eigen::Index(i));
    Eigen::VectorXd p(Eigen::Index(rows.size())), y(Eigen::Index(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) p[Eigen::Index(k)] = s.test.pTreated[rows[k]], y[Eigen::Index(k)] = s.test.y[rows[k]];
    replaceChart(charts_[0], rocChart(engine::rocCurve(p, y), e.auc, f));
    replaceChart(charts_[1], calibrationChart(e.toJson().value(QStringLiteral("calibration")).toArray(), f));
    replaceChart(charts_[2], e.uplift ? qiniChart(e.qiniCurve, e.qini, f) : gainChart(e.lift, f));
    replaceChart(charts_[3], importanceChart(e.importance, 12, f));
    status_->setText(tr("How model %1 does on rows it was not trained on:").arg(s.model.id));
    Q_EMIT shown(s.model.id);
}

} // namespace cwb::ui
