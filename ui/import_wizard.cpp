#include "import_wizard.h"

#include "background_job.h"

#include "csv/csv_sniffer.h"
#include "import/canonical_schema.h"
#include "import/column_mapping.h"
#include "import/import_target.h"
#include "import/importer.h"
#include "items/table_stats_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace cwb::ui {

namespace {

constexpr int kPreviewRows = 200;
constexpr int kSampleValues = 3;

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// A table in the user's words, as the Data page names it.
QString tableLabel(const QString& table) { return model::TableStatsModel::displayName(table); }

QString presetLabel(const QString& preset)
{
    if (preset == QLatin1String("hillstrom")) return ImportWizard::tr("Hillstrom e-mail test (dataset preset)");
    if (preset == QLatin1String("online-retail")) return ImportWizard::tr("UCI Online Retail (dataset preset)");
    return preset;
}

QString presetDescription(const QString& preset)
{
    if (preset == QLatin1String("hillstrom"))
        return ImportWizard::tr("Each row becomes a customer (HS00001, \u2026) keeping the file's columns as attributes, one exposure "
                                "to the campaign \u201cHillstrom e-mail test (2008)\u201d (No E-Mail is the control group) and "
                                "the customer's response (visit, conversion, spend).");
    if (preset == QLatin1String("online-retail"))
        return ImportWizard::tr("Each line becomes an order line and each invoice an order (C invoices are cancellations); "
                                "CustomerID becomes a customer with Country as region, StockCode a product. Lines without "
                                "a CustomerID are kept as guest orders.");
    return {};
}

QString delimiterLabel(const QString& name)
{
    if (name == QLatin1String(",")) return ImportWizard::tr("comma");
    if (name == QLatin1String(";")) return ImportWizard::tr("semicolon");
    if (name == QLatin1String("tab")) return ImportWizard::tr("tab");
    if (name == QLatin1String("|")) return ImportWizard::tr("pipe");
    return name;
}

QString dateOrderLabel(const QString& order)
{
    if (order == QLatin1String("day/month/year")) return ImportWizard::tr("day/month/year");
    if (order == QLatin1String("month/day/year")) return ImportWizard::tr("month/day/year");
    return order;
}

QString progressText(const model::ImportProgress& p, bool checking)
{
    const QLocale locale;
    const qint64 perSecond = p.seconds > 0 ? qint64(double(p.records) / p.seconds) : 0;
    const int percent = p.bytesTotal > 0 ? int(100.0 * double(p.bytesDone) / double(p.bytesTotal)) : 0;
    return (checking ? ImportWizard::tr("Checking: %1 rows read (%2 %), %3 rows/s")
                     : ImportWizard::tr("Importing: %1 rows read (%2 %), %3 rows/s"))
        .arg(locale.toString(p.records), locale.toString(percent), locale.toString(perSecond));
}

QLabel* wrappedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

// One page; complete when `complete` says so.
class ImportWizard::Step : public QWizardPage {
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void changed() { Q_EMIT completeChanged(); }
};

struct ImportWizard::Inspection {
    int generation = 0;
    std::optional<model::FileInspection> value;
    QString error;
};

// An import report in words: what was (or would be) imported, the rejects
// by reason and the notes.
class ImportReportView : public QWidget {
public:
    explicit ImportReportView(QWidget* parent) : QWidget(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        headline_ = wrappedLabel(this);
        QFont bold = headline_->font();
        bold.setBold(true);
        headline_->setFont(bold);
        details_ = wrappedLabel(this);
        rejects_ = new QTableWidget(0, 4, this);
        rejects_->setHorizontalHeaderLabels({ImportWizard::tr("Rejected because"), ImportWizard::tr("Rows"), ImportWizard::tr("First line"),
                                             ImportWizard::tr("Example")});
        rejects_->horizontalHeader()->setStretchLastSection(true);
        rejects_->verticalHeader()->hide();
        rejects_->setEditTriggers(QAbstractItemView::NoEditTriggers);
        rejects_->setSelectionBehavior(QAbstractItemView::SelectRows);
        rejects_->setWordWrap(false);
        notes_ = wrappedLabel(this);
        layout->addWidget(headline_);
        layout->addWidget(details_);
        layout->addWidget(rejects_, 100);
        layout->addWidget(notes_);
        layout->addStretch(1);   // text stays at the top when there is no table
        clear();
    }

    void clear()
    {
        headline_->clear();
        details_->clear();
        notes_->clear();
        rejects_->setRowCount(0);
        rejects_->hide();
    }

    void display(const model::ImportReport& r)
    {
        const QLocale locale;
        const bool dry = r.outcome == model::ImportReport::Outcome::DryRun;
        if (dry)
            headline_->setText(ImportWizard::tr("%1 records checked: %2 would be imported, %3 rejected, %4 values cleared. Nothing was written.")
                                   .arg(locale.toString(r.records), locale.toString(r.rowsImported), locale.toString(r.rowsRejected),
                                        locale.toString(r.valuesCleared)));
        else
            headline_->setText(ImportWizard::tr("%1 of %2 records imported in %3 s (%4 rows/s); %5 rejected, %6 values cleared.")
                                   .arg(locale.toString(r.rowsImported), locale.toString(r.records), locale.toString(r.seconds, 'f', r.seconds < 1 ? 2 : 1),
                                        locale.toString(qint64(r.rowsPerSecond())), locale.toString(r.rowsRejected),
                                        locale.toString(r.valuesCleared)));
        QStringList changes;
        for (auto it = r.inserted.begin(); it != r.inserted.end(); ++it)
            changes << ImportWizard::tr("%1: %2 new").arg(tableLabel(it.key()), locale.toString(it.value()));
        for (auto it = r.updated.begin(); it != r.updated.end(); ++it)
            changes << ImportWizard::tr("%1: %2 updated").arg(tableLabel(it.key()), locale.toString(it.value()));
        QStringList lines;
        if (!changes.isEmpty())
            lines << (dry ? ImportWizard::tr("Would change: %1.") : ImportWizard::tr("Changed: %1.")).arg(changes.join(QStringLiteral(" \u00b7 ")));
        lines << ImportWizard::tr("Read as %1, %2-separated, %3; dates like 3/4/2025 read as %4%5.")
                     .arg(r.encoding, delimiterLabel(r.delimiter),
                          r.header ? ImportWizard::tr("first row is the header") : ImportWizard::tr("no header row"), dateOrderLabel(r.dateOrder),
                          r.decimalComma ? ImportWizard::tr(", decimal comma") : QString());
        if (!r.mapping.isEmpty()) lines << ImportWizard::tr("Columns: %1.").arg(r.mapping.join(QStringLiteral(", ")));
        if (!r.attributes.isEmpty()) {
            QStringList names;
            for (const auto& a : r.attributes) names << a.name;
            lines << ImportWizard::tr("Kept as customer attributes: %1.").arg(names.join(QStringLiteral(", ")));
        }
        if (!r.ignoredColumns.isEmpty()) lines << ImportWizard::tr("Not imported: %1.").arg(r.ignoredColumns.join(QStringLiteral(", ")));
        details_->setText(lines.join(QLatin1Char('\n')));

        rejects_->setRowCount(int(r.rejects.size()));
        for (int i = 0; i < r.rejects.size(); ++i) {
            const model::RejectSummary& s = r.rejects[i];
            auto* count = new QTableWidgetItem(locale.toString(s.count));
            count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* line = new QTableWidgetItem(locale.toString(s.firstLine));
            line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* example = new QTableWidgetItem(s.example);
            example->setToolTip(s.example);
            rejects_->setItem(i, 0, new QTableWidgetItem(s.reason));
            rejects_->setItem(i, 1, count);
            rejects_->setItem(i, 2, line);
            rejects_->setItem(i, 3, example);
        }
        rejects_->resizeColumnsToContents();
        rejects_->setVisible(!r.rejects.isEmpty());
        QStringList notes;
        for (const QString& n : r.notes) notes << QStringLiteral("\u2022 ") + n;
        notes_->setText(notes.join(QLatin1Char('\n')));
    }

    QTableWidget* rejects() const { return rejects_; }

private:
    QLabel* headline_ = nullptr;
    QLabel* details_ = nullptr;
    QTableWidget* rejects_ = nullptr;
    QLabel* notes_ = nullptr;
};

ImportWizard::ImportWizard(const QString& workspacePath, QWidget* parent) : QWizard(parent), workspacePath_(workspacePath)
{
    setWindowTitle(tr("Import Data into %1").arg(QFileInfo(workspacePath).completeBaseName()));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::DisabledBackButtonOnLastPage);
    lane_ = new JobLane(this);
    buildFilePage();
    buildColumnsPage();
    buildCheckPage();
    buildImportPage();
    setButtonText(QWizard::CommitButton, tr("&Import"));
    resize(980, 680);

    // The dry run and the import share the lane: progress goes to the page showing.
    connect(lane_, &JobLane::progressed, this, [this](const QString& what, double fraction) {
        const int percent = int(std::lround(100 * fraction));
        if (currentId() == CheckPage) {
            checkStatus_->setText(what);
            checkProgress_->setValue(percent);
        } else if (currentId() == ImportPage) {
            importStatus_->setText(what);
            importProgress_->setValue(percent);
        }
    });
    connect(lane_, &JobLane::stopped, this, [this] {
        if (currentId() != ImportPage) return;
        importProgress_->hide();
        setOption(QWizard::NoCancelButtonOnLastPage, true);
        importStatus_->setText(tr("Cancelled; the workspace is as it was."));
        importPage_->changed();
        Q_EMIT importEnded();
    });
}

ImportWizard::~ImportWizard() = default;

bool ImportWizard::busy() const { return lane_->busy(); }

void ImportWizard::buildFilePage()
{
    filePage_ = new Step(this);
    filePage_->setTitle(tr("Choose the file"));
    filePage_->setSubTitle(tr("CSV or text files, plain or .gz. How the file is written is detected; change it if the preview looks wrong."));
    filePage_->complete = [this] { return inspection_ && (!currentTable().isEmpty() || !currentPreset().isEmpty()); };

    fileEdit_ = new QLineEdit(filePage_);
    fileEdit_->setReadOnly(true);
    fileEdit_->setFocusPolicy(Qt::ClickFocus);
    fileEdit_->setPlaceholderText(tr("No file chosen"));
    auto* browse = new QPushButton(tr("&Browse\u2026"), filePage_);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(fileEdit_, 1);
    fileRow->addWidget(browse);

    target_ = new QComboBox(filePage_);
    target_->addItem(tr("Choose what the file holds\u2026"), QString());
    for (const model::TableSpec& table : model::importableTables()) {
        const QString name = qs(table.name);
        target_->addItem(tr("%1 (table %2)").arg(tableLabel(name), name), QStringLiteral("table:") + name);
    }
    target_->insertSeparator(target_->count());
    for (const QString& preset : model::importPresetNames()) target_->addItem(presetLabel(preset), QStringLiteral("preset:") + preset);
    targetNote_ = wrappedLabel(filePage_);

    encoding_ = new QComboBox(filePage_);
    encoding_->addItem(tr("Detect"), QStringLiteral("auto"));
    encoding_->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    encoding_->addItem(tr("GBK / GB18030 (Chinese)"), QStringLiteral("gb18030"));
    encoding_->addItem(tr("Big5 (traditional Chinese)"), QStringLiteral("big5"));
    encoding_->addItem(QStringLiteral("UTF-16"), QStringLiteral("utf-16"));
    encoding_->addItem(QStringLiteral("Windows-1252"), QStringLiteral("windows-1252"));
    encoding_->addItem(QStringLiteral("Latin-1 (ISO-8859-1)"), QStringLiteral("latin1"));
    delimiter_ = new QComboBox(filePage_);
    delimiter_->addItem(tr("Detect"), 0);
    delimiter_->addItem(tr("Comma ( , )"), int(','));
    delimiter_->addItem(tr("Semicolon ( ; )"), int(';'));
    delimiter_->addItem(tr("Tab"), int('\t'));
    delimiter_->addItem(tr("Pipe ( | )"), int('|'));
    header_ = new QComboBox(filePage_);
    header_->addItem(tr("Detect"));
    header_->addItem(tr("The first row holds the column names"));
    header_->addItem(tr("No header row: the first row is data"));
    detected_ = wrappedLabel(filePage_);

    auto* format = new QGroupBox(tr("How the file is written"), filePage_);
    auto* formatForm = new QFormLayout(format);
    formatForm->addRow(tr("&Encoding:"), encoding_);
    formatForm->addRow(tr("&Delimiter:"), delimiter_);
    formatForm->addRow(tr("&Header:"), header_);
    formatForm->addRow(detected_);

    preview_ = new QStandardItemModel(this);
    previewView_ = new QTableView(filePage_);
    previewView_->setModel(preview_);
    previewView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewView_->horizontalHeader()->setDefaultSectionSize(120);
    previewView_->verticalHeader()->setDefaultSectionSize(previewView_->fontMetrics().height() + 6);

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("It holds:"), target_);
    auto* layout = new QVBoxLayout(filePage_);
    layout->addLayout(form);
    layout->addWidget(targetNote_);
    layout->addWidget(format);
    layout->addWidget(new QLabel(tr("The first rows, as they will be read:"), filePage_));
    layout->addWidget(previewView_, 1);
    setPage(FilePage, filePage_);

    connect(browse, &QPushButton::clicked, this, &ImportWizard::chooseFile);
    for (QComboBox* box : {encoding_, delimiter_, header_})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!filling_) reinspect();
        });
    connect(target_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filling_) targetChosenByUser_ = true;
        const QString preset = currentPreset();
        if (!preset.isEmpty()) targetNote_->setText(presetDescription(preset));
        else if (!currentTable().isEmpty()) targetNote_->setText(tr("The columns are matched to the table's fields on the next page."));
        else targetNote_->clear();
        filePage_->changed();
    });
}

void ImportWizard::buildColumnsPage()
{
    columnsPage_ = new Step(this);
    columnsPage_->setTitle(tr("Match the columns"));
    columnsPage_->setSubTitle(tr("Each field of the table takes one column of the file. Suggestions come from the column names; "
                                 "fields marked * are required."));
    columnsPage_->complete = [this] { return mappingProblem().isEmpty(); };

    mapping_ = new QTableWidget(0, 4, columnsPage_);
    mapping_->setHorizontalHeaderLabels({tr("Field"), tr("Expects"), tr("Column in the file"), tr("First values")});
    mapping_->horizontalHeader()->setStretchLastSection(true);
    mapping_->verticalHeader()->hide();
    mapping_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mapping_->setSelectionMode(QAbstractItemView::NoSelection);
    unmapped_ = wrappedLabel(columnsPage_);
    mappingNote_ = wrappedLabel(columnsPage_);
    mappingNote_->setStyleSheet(QStringLiteral("color: #b00020;"));

    dateOrder_ = new QComboBox(columnsPage_);
    dateOrder_->addItem(tr("Detect from the data"));
    dateOrder_->addItem(tr("Day first (31/12/2024)"));
    dateOrder_->addItem(tr("Month first (12/31/2024)"));
    decimal_ = new QComboBox(columnsPage_);
    decimal_->addItem(tr("Detect from the data"));
    decimal_->addItem(tr("Decimal point (1,234.50)"));
    decimal_->addItem(tr("Decimal comma (1.234,50)"));
    createUsers_ = new QCheckBox(tr("Add customers the workspace does not know yet (otherwise their rows are rejected)"), columnsPage_);

    auto* form = new QFormLayout;
    form->addRow(tr("Dates are written:"), dateOrder_);
    form->addRow(tr("Numbers are written:"), decimal_);
    form->addRow(createUsers_);
    auto* layout = new QVBoxLayout(columnsPage_);
    layout->addWidget(mapping_, 1);
    layout->addWidget(unmapped_);
    layout->addWidget(mappingNote_);
    layout->addLayout(form);
    setPage(ColumnsPage, columnsPage_);
}

void ImportWizard::buildCheckPage()
{
    checkPage_ = new Step(this);
    checkPage_->setTitle(tr("Check before importing"));
    checkPage_->setSubTitle(tr("Every row is read and checked as it would be imported; nothing is written yet."));
    checkPage_->setCommitPage(true);
    checkPage_->complete = [this] { return checkReport_ && checkReport_->ok() && checkReport_->rowsImported > 0; };
    checkStatus_ = wrappedLabel(checkPage_);
    checkProgress_ = new QProgressBar(checkPage_);
    checkProgress_->setRange(0, 100);
    checkView_ = new ImportReportView(checkPage_);
    auto* layout = new QVBoxLayout(checkPage_);
    layout->addWidget(checkStatus_);
    layout->addWidget(checkProgress_);
    layout->addWidget(checkView_, 1);
    setPage(CheckPage, checkPage_);
}

void ImportWizard::buildImportPage()
{
    importPage_ = new Step(this);
    importPage_->setTitle(tr("Import"));
    importPage_->setSubTitle(tr("All rows go in together: if the import is cancelled or fails, the workspace stays as it was."));
    importPage_->setFinalPage(true);
    importPage_->complete = [this] { return !lane_->busy(); };
    importStatus_ = wrappedLabel(importPage_);
    importProgress_ = new QProgressBar(importPage_);
    importProgress_->setRange(0, 100);
    importView_ = new ImportReportView(importPage_);
    importAgain_ = new QPushButton(tr("Import It &Again"), importPage_);
    openRejects_ = new QPushButton(tr("&Open Rejected Rows"), importPage_);
    saveRejects_ = new QPushButton(tr("&Save Rejected Rows As\u2026"), importPage_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(importAgain_);
    buttons->addStretch(1);
    buttons->addWidget(openRejects_);
    buttons->addWidget(saveRejects_);
    auto* layout = new QVBoxLayout(importPage_);
    layout->addWidget(importStatus_);
    layout->addWidget(importProgress_);
    layout->addWidget(importView_, 1);
    layout->addLayout(buttons);
    setPage(ImportPage, importPage_);

    connect(importAgain_, &QPushButton::clicked, this, [this] { runImport(true); });
    connect(openRejects_, &QPushButton::clicked, this, [this] {
        if (importReport_ && !importReport_->rejectsPath.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(importReport_->rejectsPath));
    });
    connect(saveRejects_, &QPushButton::clicked, this, [this] {
        if (!importReport_ || importReport_->rejectsPath.isEmpty()) return;
        const QString target = QFileDialog::getSaveFileName(this, tr("Save Rejected Rows"), importReport_->rejectsPath, tr("CSV files (*.csv)"));
        if (target.isEmpty() || target == importReport_->rejectsPath) return;
        QFile::remove(target);
        if (!QFile::copy(importReport_->rejectsPath, target))
            QMessageBox::warning(this, tr("Cannot save the rejected rows"), tr("Could not write %1.").arg(QDir::toNativeSeparators(target)));
    });
}

bool ImportWizard::isDataFile(const QString& path)
{
    for (const char* ext : {".csv", ".tsv", ".txt", ".gz"})
        if (path.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) return true;
    return false;
}

QString ImportWizard::askForFile(QWidget* parent, const QString& startIn)
{
    return QFileDialog::getOpenFileName(parent, tr("Import Data"), startIn, tr("Data files (*.csv *.tsv *.txt *.gz);;All files (*)"));
}

void ImportWizard::chooseFile()
{
    const QString chosen = askForFile(this, QFileInfo(file_).absolutePath());
    if (!chosen.isEmpty()) setFile(chosen);
}

void ImportWizard::setFile(const QString& file)
{
    file_ = file;
    fileEdit_->setText(QDir::toNativeSeparators(file));
    targetChosenByUser_ = false;
    reinspect();
}

void ImportWizard::reinspect()
{
    inspection_.reset();
    filePage_->changed();
    if (file_.isEmpty()) return;
    detected_->setText(tr("Reading the file\u2026"));
    const int generation = ++inspectGeneration_;
    const QString file = file_;
    const QString encoding = encoding_->currentData().toString();
    const char delimiter = char(delimiter_->currentData().toInt());
    const std::optional<bool> header = header_->currentIndex() == 0 ? std::nullopt : std::optional<bool>(header_->currentIndex() == 1);
    auto* watcher = new QFutureWatcher<Inspection>(this);
    connect(watcher, &QFutureWatcher<Inspection>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Inspection result = watcher->result();
        if (result.generation == inspectGeneration_) showInspection(result);   // else superseded
    });
    watcher->setFuture(QtConcurrent::run([=]() {
        Inspection r;
        r.generation = generation;
        auto inspected = model::inspectFile(file, encoding, delimiter, header, kPreviewRows);
        if (inspected) r.value = std::move(inspected.value());
        else r.error = inspected.error().toString();
        return r;
    }));
}

void ImportWizard::showInspection(const Inspection& result)
{
    preview_->clear();
    if (!result.value) {
        detected_->setText(tr("<span style='color:#b00020'>Cannot read the file: %1</span>").arg(result.error.toHtmlEscaped()));
        filePage_->changed();
        Q_EMIT inspected(false);
        return;
    }
    inspection_ = std::make_unique<model::FileInspection>(*result.value);
    const model::FileInspection& in = *inspection_;
    const QLocale locale;
    detected_->setText(tr("Read as %1 (%2). Delimiter: %3 (%4). %5. %6 columns; %7.")
                           .arg(in.encoding.name, in.encoding.reason, delimiterLabel(model::delimiterName(in.sniff.dialect.delimiter)),
                                in.sniff.reason,
                                in.sniff.hasHeader ? tr("The first row holds the column names") : tr("No header row"),
                                locale.toString(in.header.size()),
                                in.compressed ? tr("%1 compressed").arg(locale.formattedDataSize(in.fileSize))
                                              : locale.formattedDataSize(in.fileSize)));
    preview_->setColumnCount(int(in.header.size()));
    preview_->setHorizontalHeaderLabels(in.header);
    const int rows = int(std::min<qsizetype>(in.rows.size(), kPreviewRows));
    preview_->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const QStringList& row = in.rows[r];
        for (int c = 0; c < row.size() && c < in.header.size(); ++c) preview_->setItem(r, c, new QStandardItem(row[c]));
    }
    previewView_->resizeColumnsToContents();
    for (int c = 0; c < preview_->columnCount(); ++c)
        previewView_->setColumnWidth(c, std::min(previewView_->columnWidth(c), 260));

    if (!targetChosenByUser_) {
        const model::ImportTargetSuggestion s = model::suggestImportTarget(in.header);
        const QString key = !s.preset.isEmpty() ? QStringLiteral("preset:") + s.preset
                          : !s.table.isEmpty()  ? QStringLiteral("table:") + s.table
                                                : QString();
        filling_ = true;
        target_->setCurrentIndex(std::max(0, target_->findData(key)));
        filling_ = false;
        if (!s.reason.isEmpty()) targetNote_->setText(tr("Suggested because %1. %2").arg(s.reason, targetNote_->text()));
    }
    mappedTable_.clear();   // the columns page makes its rows again
    filePage_->changed();
    Q_EMIT inspected(true);
}

QString ImportWizard::currentTable() const
{
    const QString key = target_->currentData().toString();
    return key.startsWith(QLatin1String("table:")) ? key.mid(6) : QString();
}

QString ImportWizard::currentPreset() const
{
    const QString key = target_->currentData().toString();
    return key.startsWith(QLatin1String("preset:")) ? key.mid(7) : QString();
}

int ImportWizard::nextId() const
{
    switch (currentId()) {
    case FilePage: return currentPreset().isEmpty() ? ColumnsPage : CheckPage;
    case ColumnsPage: return CheckPage;
    case CheckPage: return ImportPage;
    default: return -1;
    }
}

QComboBox* ImportWizard::columnBox(const QString& field) const
{
    for (int r = 0; r < mapping_->rowCount(); ++r)
        if (mapping_->item(r, 0)->data(Qt::UserRole).toString() == field) return rowBox(r);
    return nullptr;
}

void ImportWizard::fillMapping()
{
    const model::TableSpec* spec = model::findTable(currentTable());
    mapping_->setRowCount(0);
    if (!spec || !inspection_) return;
    mappedTable_ = currentTable();
    const QStringList& header = inspection_->header;
    const model::ColumnMapping suggested = model::suggestMapping(*spec, header);
    filling_ = true;
    mapping_->setRowCount(int(spec->fields.size()));
    bool refersToUsers = false;
    for (std::size_t f = 0; f < spec->fields.size(); ++f) {
        const model::FieldSpec& field = spec->fields[f];
        const int row = int(f);
        refersToUsers = refersToUsers || field.type == model::FieldType::UserRef;
        auto* name = new QTableWidgetItem(field.required ? qs(field.name) + QStringLiteral(" *") : qs(field.name));
        name->setData(Qt::UserRole, qs(field.name));
        if (field.required) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            name->setToolTip(tr("Required: the import cannot start without it"));
        }
        mapping_->setItem(row, 0, name);
        mapping_->setItem(row, 1, new QTableWidgetItem(model::describeExpected(field)));
        auto* box = new QComboBox(mapping_);
        box->addItem(tr("\u2014 not imported \u2014"), -1);
        for (int c = 0; c < header.size(); ++c) box->addItem(header[c], c);
        box->setCurrentIndex(suggested.fieldColumn[f] + 1);
        mapping_->setCellWidget(row, 2, box);
        mapping_->setItem(row, 3, new QTableWidgetItem);
        connect(box, &QComboBox::currentIndexChanged, this, [this, row] { mappingChanged(row); });
    }
    filling_ = false;
    for (int r = 0; r < mapping_->rowCount(); ++r) mappingChanged(r);
    mapping_->resizeColumnsToContents();
    mapping_->setColumnWidth(2, std::max(mapping_->columnWidth(2), 220));
    createUsers_->setVisible(refersToUsers);
    createUsers_->setChecked(false);
}

void ImportWizard::mappingChanged(int row)
{
    if (filling_) return;
    const int column = mappedColumn(row);
    // A column feeds one field: take it from the field that had it.
    if (column >= 0) {
        filling_ = true;
        for (int r = 0; r < mapping_->rowCount(); ++r) {
            if (r != row && mappedColumn(r) == column) {
                rowBox(r)->setCurrentIndex(0);
                mapping_->item(r, 3)->setText(QString());
            }
        }
        filling_ = false;
    }
    QStringList samples;
    if (column >= 0 && inspection_)
        for (const QStringList& values : inspection_->rows) {
            if (column < values.size() && !values[column].trimmed().isEmpty()) samples << values[column].trimmed();
            if (samples.size() == kSampleValues) break;
        }
    mapping_->item(row, 3)->setText(samples.join(QStringLiteral(" \u00b7 ")));
    updateUnmappedColumns();
    mappingNote_->setText(mappingProblem());
    columnsPage_->changed();
}

QComboBox* ImportWizard::rowBox(int row) const { return qobject_cast<QComboBox*>(mapping_->cellWidget(row, 2)); }

int ImportWizard::mappedColumn(int row) const { return rowBox(row)->currentData().toInt(); }

QString ImportWizard::mappingProblem() const
{
    const model::TableSpec* spec = model::findTable(mappedTable_);
    if (!spec) return {};
    QStringList missing;   // the rows are the table's fields, in order
    for (int r = 0; r < mapping_->rowCount(); ++r)
        if (spec->fields[std::size_t(r)].required && mappedColumn(r) < 0) missing << qs(spec->fields[std::size_t(r)].name);
    if (missing.isEmpty()) return {};
    return tr("Choose a column for the required field(s) %1.").arg(missing.join(QStringLiteral(", ")));
}

void ImportWizard::updateUnmappedColumns()
{
    if (!inspection_) return;
    std::vector<bool> used(std::size_t(inspection_->header.size()), false);
    for (int r = 0; r < mapping_->rowCount(); ++r) {
        if (const int c = mappedColumn(r); c >= 0) used[std::size_t(c)] = true;
    }
    QStringList rest;
    for (int c = 0; c < inspection_->header.size(); ++c)
        if (!used[std::size_t(c)]) rest << inspection_->header[c];
    const model::TableSpec* spec = model::findTable(mappedTable_);
    if (rest.isEmpty()) unmapped_->setText(tr("Every column of the file is used."));
    else if (spec && spec->keepsAttributes)
        unmapped_->setText(tr("The other columns are kept as customer attributes (numbers stay numbers): %1").arg(rest.join(QStringLiteral(", "))));
    else unmapped_->setText(tr("Not imported: %1").arg(rest.join(QStringLiteral(", "))));
}

model::ImportOptions ImportWizard::options() const
{
    model::ImportOptions o;
    o.table = currentTable();
    o.preset = currentPreset();
    o.encoding = encoding_->currentData().toString();
    o.delimiter = char(delimiter_->currentData().toInt());
    if (header_->currentIndex() > 0) o.header = header_->currentIndex() == 1;
    if (!o.table.isEmpty() && mappedTable_ == o.table) {
        // Every field explicitly, by column number: what the page shows is what is imported.
        for (int r = 0; r < mapping_->rowCount(); ++r) {
            const int c = mappedColumn(r);
            o.mapping.append({mapping_->item(r, 0)->data(Qt::UserRole).toString(), c >= 0 ? QStringLiteral("#%1").arg(c + 1) : QString()});
        }
        o.createMissingUsers = !createUsers_->isHidden() && createUsers_->isChecked();
    }
    if (dateOrder_->currentIndex() > 0) o.dateOrder = dateOrder_->currentIndex() == 1 ? model::DateOrder::DayFirst : model::DateOrder::MonthFirst;
    if (decimal_->currentIndex() > 0) o.decimalComma = decimal_->currentIndex() == 2;
    return o;
}

void ImportWizard::initializePage(int id)
{
    if (id == ColumnsPage && mappedTable_ != currentTable()) fillMapping();
    if (id == CheckPage) runCheck();
    if (id == ImportPage) runImport(false);
}

void ImportWizard::cleanupPage(int id)
{
    if (id == CheckPage) {
        lane_->cancel();
        checkReport_.reset();
    }
}

void ImportWizard::startImportJob(const model::ImportOptions& o, std::function<void(const model::Result<model::ImportReport>&)> done)
{
    const QString file = file_;
    const QString name = QFileInfo(file).fileName();
    lane_->start<model::ImportReport>(
        workspacePath_, o.dryRun ? tr("Checking %1").arg(name) : tr("Importing %1").arg(name),
        [file, o](model::Workspace& ws, const JobProgress& progress) -> model::Result<model::ImportReport> {
            return model::importFile(ws, file, o, [&](const model::ImportProgress& p) {
                return progress.report(progressText(p, o.dryRun), p.bytesTotal > 0 ? double(p.bytesDone) / double(p.bytesTotal) : 0.0);
            });
        },
        std::move(done));
}

void ImportWizard::runCheck()
{
    checkReport_.reset();
    checkView_->clear();
    checkProgress_->setValue(0);
    checkProgress_->show();
    checkStatus_->setText(tr("Checking %1\u2026").arg(QFileInfo(file_).fileName()));
    checkPage_->changed();
    model::ImportOptions o = options();
    o.dryRun = true;
    startImportJob(o, [this](const model::Result<model::ImportReport>& result) {
        checkProgress_->hide();
        if (!result) {
            checkStatus_->setText(tr("<span style='color:#b00020'>%1</span>").arg(result.error().toString().toHtmlEscaped()));
        } else {
            checkReport_ = result.value();
            const model::ImportReport& r = *checkReport_;
            if (!r.ok())
                checkStatus_->setText(tr("<span style='color:#b00020'>The file cannot be imported: %1</span>")
                                          .arg(r.error ? r.error->toString().toHtmlEscaped() : QString()));
            else if (r.rowsImported == 0)
                checkStatus_->setText(tr("<span style='color:#b00020'>No row would be imported: every row is rejected. "
                                         "Go back and check the columns and how the file is written.</span>"));
            else if (r.rowsRejected > 0)
                checkStatus_->setText(tr("Ready to import. The rejected rows will be written, with line, column and reason, to %1.")
                                          .arg(QDir::toNativeSeparators(r.rejectsPath)));
            else checkStatus_->setText(tr("Ready to import: every row passed the checks."));
            checkView_->display(r);
        }
        checkPage_->changed();
        Q_EMIT checked();
    });
}

void ImportWizard::runImport(bool force)
{
    importReport_.reset();
    importView_->clear();
    importAgain_->hide();
    openRejects_->hide();
    saveRejects_->hide();
    importProgress_->setValue(0);
    importProgress_->show();
    setOption(QWizard::NoCancelButtonOnLastPage, false);   // Cancel stops the import
    importStatus_->setText(tr("Importing %1\u2026").arg(QFileInfo(file_).fileName()));
    model::ImportOptions o = options();
    o.force = force;
    startImportJob(o, [this](const model::Result<model::ImportReport>& result) {
        if (!result) {
            model::ImportReport failed;
            failed.outcome = model::ImportReport::Outcome::Failed;
            failed.error = result.error();
            showImportResult(failed);
        } else {
            showImportResult(result.value());
        }
    });
    importPage_->changed();
}

void ImportWizard::showImportResult(const model::ImportReport& report)
{
    importReport_ = report;
    importProgress_->hide();
    setOption(QWizard::NoCancelButtonOnLastPage, true);   // nothing left to cancel
    using O = model::ImportReport::Outcome;
    switch (report.outcome) {
    case O::Imported:
        importStatus_->setText(tr("Imported into %1.").arg(QFileInfo(workspacePath_).fileName()));
        importView_->display(report);
        break;
    case O::AlreadyImported:
        importStatus_->setText(tr("%1. Import it again to update the rows it holds.").arg(report.error->message));
        importAgain_->show();
        break;
    case O::Cancelled: importStatus_->setText(tr("Cancelled; the workspace is as it was.")); break;
    case O::Failed:
    case O::DryRun:
        importStatus_->setText(tr("<span style='color:#b00020'>The import failed and nothing was changed: %1</span>")
                                   .arg(report.error ? report.error->toString().toHtmlEscaped() : QString()));
        break;
    }
    const bool rejects = report.outcome == O::Imported && !report.rejectsPath.isEmpty() && QFileInfo::exists(report.rejectsPath);
    openRejects_->setVisible(rejects);
    saveRejects_->setVisible(rejects);
    importPage_->changed();
    Q_EMIT importEnded();
    if (report.outcome == O::Imported) Q_EMIT imported();
}

void ImportWizard::reject()
{
    if (lane_->busy() && currentId() == ImportPage) {
        const auto answer = QMessageBox::question(this, tr("Stop the import?"),
                                                  tr("Stop importing %1? Nothing will be changed in the workspace.").arg(QFileInfo(file_).fileName()),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) return;
    }
    lane_->cancel();
    QWizard::reject();
}

} // namespace cwb::ui
