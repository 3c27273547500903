#include "reports_page.h"

#include "background_job.h"
#include "language.h"
#include "report/html_report_writer.h"
#include "report/pdf_report_writer.h"
#include "report/report_builder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace cwb::ui {

namespace {
constexpr int kPreviewWidth = 760;   // pixels of a previewed page
constexpr qsizetype kPreviewRows = 200;
}

struct ReportsPage::Gathered {
    model::ReportData data;
    QList<QStringList> rows;   // CSV preview
    qint64 written = -1;       // CSV export: rows written
};

ReportsPage::ReportsPage(QWidget* parent) : QWidget(parent)
{
    listLane_ = new JobLane(this);
    reportLane_ = new JobLane(this);

    campaigns_ = new QListWidget(this);
    campaigns_->setObjectName(QStringLiteral("reportCampaigns"));
    format_ = new QComboBox(this);
    format_->addItem(tr("PDF report"), int(ReportFileFormat::Pdf));
    format_->addItem(tr("HTML report (one self-contained file)"), int(ReportFileFormat::Html));
    format_->addItem(tr("CSV target list"), int(ReportFileFormat::Csv));
    pageSize_ = new QComboBox(this);
    pageSize_->addItem(tr("A4"), int(QPageSize::A4));
    pageSize_->addItem(tr("Letter"), int(QPageSize::Letter));
    pseudonymize_ = new QCheckBox(tr("Replace user ids by a salted pseudonym"), this);
    salt_ = new QLineEdit(this);
    salt_->setPlaceholderText(tr("secret salt, at least 8 characters"));
    salt_->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    bom_ = new QCheckBox(tr("Byte-order mark, so that Excel reads Chinese"), this);
    bom_->setChecked(true);

    auto* options = new QGroupBox(tr("Report"), this);
    auto* form = new QFormLayout(options);
    form->addRow(tr("Format:"), format_);
    form->addRow(tr("Page size:"), pageSize_);
    form->addRow(pseudonymize_);
    form->addRow(tr("Salt:"), salt_);
    form->addRow(bom_);

    previewButton_ = new QPushButton(tr("&Preview"), this);
    exportButton_ = new QPushButton(tr("&Export…"), this);
    openButton_ = new QPushButton(tr("&Open Last Export"), this);
    openButton_->setEnabled(false);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 100);
    busy_->hide();
    status_ = new QLabel(tr("Tick one campaign for its report, or several to compare them."), this);
    status_->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Campaigns:"), left));
    leftLayout->addWidget(campaigns_, 1);
    leftLayout->addWidget(options);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(previewButton_);
    buttons->addWidget(exportButton_);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(openButton_);

    pagesHost_ = new QWidget;
    pagesHost_->setObjectName(QStringLiteral("reportPages"));
    pagesHost_->setStyleSheet(QStringLiteral("#reportPages { background: #9e9e9e; }"));
    pagesLayout_ = new QVBoxLayout(pagesHost_);
    pagesLayout_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    pagesLayout_->setSpacing(14);
    scroll_ = new QScrollArea(this);
    scroll_->setWidget(pagesHost_);
    scroll_->setWidgetResizable(true);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    views_ = new QStackedWidget(this);
    views_->addWidget(scroll_);
    views_->addWidget(table_);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(statusRow(status_, busy_, cancel_));
    rightLayout->addWidget(views_, 1);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({320, 900});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(format_, &QComboBox::currentIndexChanged, this, &ReportsPage::updateOptions);
    connect(pseudonymize_, &QCheckBox::toggled, this, &ReportsPage::updateOptions);
    connect(campaigns_, &QListWidget::itemChanged, this, &ReportsPage::updateOptions);
    connect(previewButton_, &QPushButton::clicked, this, &ReportsPage::preview);
    connect(exportButton_, &QPushButton::clicked, this, &ReportsPage::exportReport);
    connect(openButton_, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(lastExport_)); });
    connect(cancel_, &QPushButton::clicked, this, &ReportsPage::cancel);
    connect(reportLane_, &JobLane::started, this, [this] { cancel_->show(); });
    showProgressIn(reportLane_, status_, busy_, cancel_, tr("Cancelled."));
    updateOptions();
}

void ReportsPage::setWorkspace(const QString& path)
{
    path_ = path;
    ++drawGeneration_;
    reportLane_->cancel();
    pages_.clear();
    showPages({});
    listCampaigns();
}

void ReportsPage::listCampaigns()
{
    campaigns_->clear();
    listLane_->start<QList<model::CampaignInfo>>(
        path_, tr("Listing the campaigns…"),
        [](model::Workspace& ws, const JobProgress&) -> model::Result<QList<model::CampaignInfo>> { return model::listCampaigns(ws.db()); },
        [this](const model::Result<QList<model::CampaignInfo>>& r) {
            if (!r) {
                status_->setText(tr("The campaigns could not be listed: %1").arg(r.error().message));
                return;
            }
            const QSignalBlocker block(campaigns_);
            for (const model::CampaignInfo& c : r.value()) {
                auto* item = new QListWidgetItem(tr("%1 — %2, %3").arg(c.name, campaignTypeName(c.type), campaignStatusName(c.status)), campaigns_);
                item->setData(Qt::UserRole, c.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            updateOptions();
            Q_EMIT campaignsListed();
        });
}

int ReportsPage::listedCampaigns() const { return campaigns_->count(); }

bool ReportsPage::selectCampaigns(const QList<qint64>& ids)
{
    int found = 0;
    for (int i = 0; i < campaigns_->count(); ++i) {
        QListWidgetItem* item = campaigns_->item(i);
        const bool chosen = ids.contains(item->data(Qt::UserRole).toLongLong());
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        found += chosen;
    }
    return found == ids.size();
}

QList<qint64> ReportsPage::selectedCampaigns() const
{
    QList<qint64> out;
    for (int i = 0; i < campaigns_->count(); ++i)
        if (campaigns_->item(i)->checkState() == Qt::Checked) out << campaigns_->item(i)->data(Qt::UserRole).toLongLong();
    return out;
}

void ReportsPage::setFormat(ReportFileFormat format) { format_->setCurrentIndex(format_->findData(int(format))); }

void ReportsPage::setPageSize(QPageSize::PageSizeId size) { pageSize_->setCurrentIndex(pageSize_->findData(int(size))); }

void ReportsPage::setPseudonymSalt(const QString& salt)
{
    pseudonymize_->setChecked(!salt.isEmpty());
    salt_->setText(salt);
}

QString ReportsPage::statusText() const { return status_->text(); }

void ReportsPage::updateOptions()
{
    const bool csv = exportOptions().format == ReportFileFormat::Csv;
    pageSize_->setEnabled(!csv);
    pseudonymize_->setEnabled(csv);
    salt_->setEnabled(csv && pseudonymize_->isChecked());
    bom_->setEnabled(csv);
    const bool any = !selectedCampaigns().isEmpty() && !path_.isEmpty();
    previewButton_->setEnabled(any);
    exportButton_->setEnabled(any);
}

ReportExportOptions ReportsPage::exportOptions() const
{
    ReportExportOptions o;
    o.format = ReportFileFormat(format_->currentData().toInt());
    o.pageSize = QPageSize::PageSizeId(pageSize_->currentData().toInt());
    o.targetList.byteOrderMark = bom_->isChecked();
    if (pseudonymize_->isChecked()) o.targetList.salt = salt_->text();
    return o;
}

void ReportsPage::cancel()
{
    ++drawGeneration_;
    reportLane_->cancel();
}

void ReportsPage::preview() { run(QString()); }

void ReportsPage::exportReport()
{
    const QList<qint64> ids = selectedCampaigns();
    if (ids.isEmpty()) return;
    const ReportFileFormat format = exportOptions().format;
    const QString suffix = format == ReportFileFormat::Pdf ? QStringLiteral("pdf") : format == ReportFileFormat::Html ? QStringLiteral("html") : QStringLiteral("csv");
    QString name = ids.size() > 1 ? tr("campaign comparison") : QString();
    for (int i = 0; name.isEmpty() && i < campaigns_->count(); ++i)
        if (campaigns_->item(i)->checkState() == Qt::Checked) name = campaigns_->item(i)->text().section(QStringLiteral(" — "), 0, 0);
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString filter = format == ReportFileFormat::Pdf ? tr("PDF files (*.pdf)") : format == ReportFileFormat::Html ? tr("HTML files (*.html)") : tr("CSV files (*.csv)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Report"), QDir(dir).filePath(name + QLatin1Char('.') + suffix), filter);
    if (!file.isEmpty()) exportTo(file);
}

void ReportsPage::exportTo(const QString& path) { run(path); }

void ReportsPage::run(const QString& exportPath)
{
    const QList<qint64> ids = selectedCampaigns();
    if (ids.isEmpty() || path_.isEmpty()) return;
    const ReportExportOptions options = exportOptions();
    if (options.format == ReportFileFormat::Csv && pseudonymize_->isChecked() && options.targetList.salt.size() < 8) {
        status_->setText(tr("Give a salt of at least 8 characters for the pseudonyms, and keep it secret: with it, ids can be matched."));
        salt_->setFocus();
        Q_EMIT failed(status_->text());
        return;
    }
    ++drawGeneration_;
    QStringList campaigns;
    for (qint64 id : ids) campaigns << QString::number(id);
    status_->setText(tr("Working out the forecasts…"));
    reportLane_->start<Gathered>(
        path_, tr("Preparing the report…"),
        [campaigns, options, exportPath](model::Workspace& ws, const JobProgress& progress) -> model::Result<Gathered> {
            Gathered g;
            auto gathered = model::gatherReport(ws, campaigns, {}, [&](const QString& what, double f) { return progress.report(what, 0.9 * f); });
            if (!gathered) return gathered.error();
            g.data = std::move(gathered.value());
            if (options.format == ReportFileFormat::Csv) {
                progress.report(tr("Writing the target list…"), 0.9);
                if (exportPath.isEmpty()) {
                    auto rows = model::targetListRows(ws.db(), g.data.campaigns, options.targetList, kPreviewRows);
                    if (!rows) return rows.error();
                    g.rows = rows.value();
                } else {
                    auto written = model::exportTargetList(ws.db(), g.data.campaigns, exportPath, options.targetList);
                    if (!written) return written.error();
                    g.written = written.value();
                }
            }
            return g;
        },
        [this, exportPath, options](const model::Result<Gathered>& r) {
            if (!r) {
                status_->setText(tr("No report: %1").arg(r.error().message));
                Q_EMIT failed(r.error().message);
                return;
            }
            finish(r.value(), exportPath, options);   // the options asked with, whatever the form shows now
        });
}

void ReportsPage::finish(const Gathered& g, const QString& exportPath, const ReportExportOptions& options)
{
    if (options.format == ReportFileFormat::Csv) {
        qint64 total = 0;
        for (const model::CampaignReportData& c : g.data.campaigns)
            total += c.preview ? c.preview->result.reached : c.campaign.treated + c.campaign.control;
        if (exportPath.isEmpty()) {
            showRows(model::targetListHeader(options.targetList), g.rows, total);
            Q_EMIT previewed();
            return;
        }
        exportDone(exportPath, {}, tr("Wrote %1 users to %2.").arg(QLocale().toString(g.written), QDir::toNativeSeparators(exportPath)));
        return;
    }
    // Drawing: charts are graphics items, so this part runs here, on the GUI thread.
    const ReportDocument doc = buildReportDocument(g.data, ReportFormat(QLocale(), model::currencySymbol(g.data.workspace.currency)), currentLanguage());
    if (exportPath.isEmpty()) {
        // One page per turn of the event loop: the window keeps answering while the pages appear.
        showPages({});
        drawPage(std::make_shared<const ReportPreview>(doc, options.pageSize, kPreviewWidth), 0, drawGeneration_);
        return;
    }
    if (options.format == ReportFileFormat::Pdf) {
        // Like the preview, one page per turn of the event loop.
        auto writer = PdfReportWriter::start(doc, exportPath, options.pageSize);
        if (!writer) return exportDone(exportPath, writer.error().message);
        writePdfPage(std::shared_ptr<PdfReportWriter>(std::move(writer.value())), exportPath, drawGeneration_);
        return;
    }
    const model::Status written = writeHtmlReport(doc, exportPath);
    exportDone(exportPath, written ? written->message : QString());
}

void ReportsPage::writePdfPage(std::shared_ptr<PdfReportWriter> writer, const QString& path, int generation)
{
    if (generation != drawGeneration_) return;   // cancelled: the writer's temporary file goes with it
    if (!writer->done()) {
        status_->setText(tr("Writing page %1 of %2…").arg(writer->drawnPages() + 1).arg(writer->pages()));
        writer->drawNextPage();
        QTimer::singleShot(0, this, [this, writer, path, generation] { writePdfPage(writer, path, generation); });
        return;
    }
    const auto pages = writer->finish();
    exportDone(path, pages ? QString() : pages.error().message);
}

void ReportsPage::exportDone(const QString& path, const QString& problem, const QString& doneText)
{
    if (!problem.isEmpty()) {
        status_->setText(tr("The report was not written: %1").arg(problem));
        Q_EMIT failed(problem);
        return;
    }
    lastExport_ = path;
    openButton_->setEnabled(true);
    status_->setText(!doneText.isEmpty() ? doneText : tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT exported(path);
}

void ReportsPage::drawPage(std::shared_ptr<const ReportPreview> preview, int index, int generation)
{
    if (generation != drawGeneration_) return;   // a newer request, a cancel or another workspace
    if (index >= preview->count()) {
        status_->setText(pages_.size() == 1 ? tr("One page, as it will print.") : tr("%1 pages, as they will print.").arg(pages_.size()));
        Q_EMIT previewed();
        return;
    }
    const QImage page = preview->page(index);
    pages_ << page;
    auto* label = new QLabel(pagesHost_);
    label->setPixmap(QPixmap::fromImage(page));
    label->setFixedSize(page.size());
    pagesLayout_->addWidget(label);
    status_->setText(tr("Drawing page %1 of %2…").arg(index + 1).arg(preview->count()));
    QTimer::singleShot(0, this, [this, preview, index, generation] { drawPage(preview, index + 1, generation); });
}

void ReportsPage::showPages(const QList<QImage>& pages)
{
    pages_ = pages;
    while (QLayoutItem* item = pagesLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QImage& page : pages) {
        auto* label = new QLabel(pagesHost_);
        label->setPixmap(QPixmap::fromImage(page));
        label->setFixedSize(page.size());
        pagesLayout_->addWidget(label);
    }
    views_->setCurrentWidget(scroll_);
}

void ReportsPage::showRows(const QStringList& header, const QList<QStringList>& rows, qint64 total)
{
    table_->clear();
    table_->setColumnCount(int(header.size()));
    table_->setHorizontalHeaderLabels(header);
    table_->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size() && c < header.size(); ++c) table_->setItem(r, c, new QTableWidgetItem(rows[r][c]));
    table_->resizeColumnsToContents();
    views_->setCurrentWidget(table_);
    status_->setText(tr("The first %1 of %2 rows of the target list.").arg(QLocale().toString(rows.size()), QLocale().toString(total)));
}

} // namespace cwb::ui
