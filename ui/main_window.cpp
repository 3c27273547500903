#include "main_window.h"

#include "background_job.h"
#include "data_page.h"
#include "import_wizard.h"
#include "job_status.h"
#include "language.h"
#include "designer/designer_page.h"
#include "models_page.h"
#include "profile_page.h"
#include "reports_page.h"
#include "segments_page.h"

#include "items/table_stats_model.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <Eigen/Core>
#include <sqlite3.h>

namespace cwb::ui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "workspaces/recent";
}

struct MainWindow::LoadResult {
    QString path;
    QString error;
    int schemaVersion = 0;
    QList<model::TableCount> counts;
    qint64 firstActivity = 0, lastActivity = 0;   // Unix seconds; 0 when there are no orders or events
};

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Campaign Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/campaign-workbench.svg")));
    setAcceptDrops(true);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    title_ = new QLabel(tr("No workspace open"), central);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title_->setFont(big);
    details_ = new QLabel(tr("Open a workspace (File \u25b8 Open) or create one with the demo data."), central);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    pages_ = new QTabWidget(central);
    dataPage_ = new DataPage(pages_);
    pages_->addTab(dataPage_, tr("&Data"));
    segmentsPage_ = new SegmentsPage(pages_);
    pages_->addTab(segmentsPage_, tr("&Segments"));
    profilePage_ = new ProfilePage(pages_);
    pages_->addTab(profilePage_, tr("&Profiles"));
    designerPage_ = new DesignerPage(pages_);
    pages_->addTab(designerPage_, tr("&Campaigns"));
    modelsPage_ = new ModelsPage(pages_);
    pages_->addTab(modelsPage_, tr("&Models"));
    connect(modelsPage_, &ModelsPage::trained, designerPage_, &DesignerPage::refresh);
    reportsPage_ = new ReportsPage(pages_);
    pages_->addTab(reportsPage_, tr("&Reports"));
    // What one page changes, the others list again.
    connect(segmentsPage_, &SegmentsPage::built, designerPage_, &DesignerPage::refresh);
    connect(segmentsPage_, &SegmentsPage::changed, designerPage_, &DesignerPage::refresh);
    connect(designerPage_, &DesignerPage::campaignsChanged, reportsPage_, &ReportsPage::refreshCampaigns);
    layout->addWidget(title_);
    layout->addWidget(details_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);

    statusWorkspace_ = new QLabel(this);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(160);
    busy_->setTextVisible(false);
    busy_->hide();
    jobStatus_ = new JobStatus(this);
    for (JobLane* lane : findChildren<JobLane*>()) jobStatus_->watch(lane);
    statusBar()->addWidget(statusWorkspace_, 1);
    statusBar()->addPermanentWidget(jobStatus_);
    statusBar()->addPermanentWidget(busy_);

    buildMenus();
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

const model::TableStatsModel* MainWindow::tableStats() const { return dataPage_->tableStats(); }

bool MainWindow::showPage(const QString& key)
{
    if (key == QLatin1String("data")) pages_->setCurrentWidget(dataPage_);
    else if (key == QLatin1String("segments")) pages_->setCurrentWidget(segmentsPage_);
    else if (key == QLatin1String("profiles")) pages_->setCurrentWidget(profilePage_);
    else if (key == QLatin1String("campaigns")) pages_->setCurrentWidget(designerPage_);
    else if (key == QLatin1String("models")) pages_->setCurrentWidget(modelsPage_);
    else if (key == QLatin1String("reports")) pages_->setCurrentWidget(reportsPage_);
    else return false;
    return true;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New Workspace\u2026"), this, &MainWindow::chooseAndCreate);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Workspace\u2026"), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addSeparator();
    importAction_ = file->addAction(tr("&Import Data\u2026"), this, [this] { importData(); });
    importAction_->setShortcut(QKeySequence(tr("Ctrl+I")));
    importAction_->setStatusTip(tr("Read a CSV file (customers, orders, events \u2026) into the workspace"));
    importAction_->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* languages = settings->addMenu(tr("&Language"));
    auto* languageGroup = new QActionGroup(this);
    for (const QString& language : availableLanguages()) {
        QAction* action = languages->addAction(nativeLanguageName(language));
        action->setCheckable(true);
        action->setChecked(language == currentLanguage());
        action->setData(language);
        languageGroup->addAction(action);
    }
    connect(languageGroup, &QActionGroup::triggered, this, [this](QAction* action) { chooseLanguage(action->data().toString()); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Campaign Workbench"), this, &MainWindow::showAbout);
}

void MainWindow::openWorkspace(const QString& path)
{
    const int generation = ++generation_;
    busy_->show();
    statusWorkspace_->setText(tr("Opening %1\u2026").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) return;   // the user opened something else meanwhile
        busy_->hide();
        const LoadResult r = watcher->result();
        if (!r.error.isEmpty()) showError(r.error);
        else showLoaded(r);
    });
    // A connection of its own on the worker thread: the GUI never waits for SQLite.
    watcher->setFuture(QtConcurrent::run([path]() {
        LoadResult r;
        r.path = path;
        auto ws = model::Workspace::open(path);
        if (!ws) {
            r.error = ws.error().toString();
            return r;
        }
        try {
            r.schemaVersion = ws->schemaVersion();
            r.counts = ws->tableCounts();
            model::Statement span = ws->db().prepare(
                "SELECT min(t), max(t) FROM (SELECT min(ts) AS t FROM orders UNION ALL SELECT max(ts) FROM orders "
                "UNION ALL SELECT min(ts) FROM events UNION ALL SELECT max(ts) FROM events)");
            if (span.step() && !span.isNull(0)) {
                r.firstActivity = span.int64(0);
                r.lastActivity = span.int64(1);
            }
        } catch (const model::SqlError& e) {
            r.error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(e.what()));
        }
        return r;
    }));
}

void MainWindow::showLoaded(const LoadResult& r)
{
    path_ = r.path;
    dataPage_->setWorkspace(r.path, r.counts);
    segmentsPage_->setWorkspace(r.path);
    profilePage_->setWorkspace(r.path);
    designerPage_->setWorkspace(r.path);
    modelsPage_->setWorkspace(r.path);
    reportsPage_->setWorkspace(r.path);
    const model::TableStatsModel* stats = dataPage_->tableStats();
    const QFileInfo info(r.path);
    title_->setText(info.completeBaseName());
    QString period;
    if (r.firstActivity > 0) {
        // The locale's short date, with a four-digit year (7/1/2025, 2025/7/1).
        const QLocale locale;
        QString format = locale.dateFormat(QLocale::ShortFormat);
        if (!format.contains(QLatin1String("yyyy"))) format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
        period = tr("Data from %1 to %2.")
                     .arg(locale.toString(QDateTime::fromSecsSinceEpoch(r.firstActivity, Qt::UTC).date(), format),
                          locale.toString(QDateTime::fromSecsSinceEpoch(r.lastActivity, Qt::UTC).date(), format));
    }
    details_->setText(tr("%1 \u2014 schema version %2. %3").arg(QDir::toNativeSeparators(info.absoluteFilePath())).arg(r.schemaVersion).arg(period));
    setWindowTitle(tr("%1 \u2014 Campaign Workbench").arg(info.completeBaseName()));
    const QLocale locale;
    statusWorkspace_->setText(tr("%1: %2 customers, %3 orders, %4 events")
                                  .arg(info.fileName(), locale.toString(stats->rows(QStringLiteral("users"))),
                                       locale.toString(stats->rows(QStringLiteral("orders"))),
                                       locale.toString(stats->rows(QStringLiteral("events")))));
    rememberRecent(info.absoluteFilePath());
    importAction_->setEnabled(true);
    Q_EMIT loaded();
}

void MainWindow::showError(const QString& message)
{
    statusWorkspace_->setText(tr("Could not open the workspace"));
    Q_EMIT failed(message);
    if (isVisible()) QMessageBox::warning(this, tr("Cannot open the workspace"), message);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent) {
        if (!QFileInfo::exists(path)) continue;
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openWorkspace(path); })->setToolTip(path);
    }
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(),
                                                      tr("Workspaces (*.cwb);;All files (*)"));
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::chooseAndCreate()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(), tr("Workspaces (*.cwb)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".cwb"))) path += QStringLiteral(".cwb");
    auto ws = model::Workspace::create(path);   // creating an empty file is quick
    if (!ws) {
        QMessageBox::warning(this, tr("Cannot create the workspace"), ws.error().toString());
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseLanguage(const QString& language)
{
    if (language == currentLanguage()) return;
    saveLanguage(language);
    // Every page is built in the language it started with: switching means starting again.
    const auto answer = QMessageBox::question(this, tr("Language"),
                                              tr("%1 will be used from the next start. Restart Campaign Workbench now?").arg(nativeLanguageName(language)),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) return;
    if (importWizard_ && importWizard_->busy()) {
        QMessageBox::information(this, tr("Language"), tr("An import is running; restart once it has finished."));
        return;
    }
    const QStringList arguments = path_.isEmpty() ? QStringList() : QStringList{path_};
    if (QProcess::startDetached(QApplication::applicationFilePath(), arguments)) close();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Campaign Workbench"),
                       tr("<h3>Campaign Workbench %1</h3>"
                          "<p>Segment customers, preview and report e-commerce campaigns.</p>"
                          "<p>Qt %2 \u00b7 SQLite %3 \u00b7 Eigen %4.%5.%6</p>"
                          "<p>Everything stays on this computer: the program makes no network connections.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                QString::fromLatin1(sqlite3_libversion()))
                           .arg(EIGEN_WORLD_VERSION)
                           .arg(EIGEN_MAJOR_VERSION)
                           .arg(EIGEN_MINOR_VERSION));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!designerPage_->confirmLeave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

ImportWizard* MainWindow::importData(const QString& file)
{
    if (path_.isEmpty()) {
        if (isVisible())
            QMessageBox::information(this, tr("Import Data"), tr("Open or create a workspace first (File \u25b8 Open or New); the data goes into it."));
        return nullptr;
    }
    if (importWizard_) {   // one import at a time
        if (!file.isEmpty() && !importWizard_->busy() && importWizard_->currentId() == ImportWizard::FilePage) importWizard_->setFile(file);
        importWizard_->raise();
        importWizard_->activateWindow();
        return importWizard_;
    }
    QString chosen = file;
    if (chosen.isEmpty()) {
        chosen = ImportWizard::askForFile(this);
        if (chosen.isEmpty()) return nullptr;
    }
    auto* wizard = new ImportWizard(path_, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    jobStatus_->watch(wizard->lane());
    // The tables changed: read the workspace again (counts, segments' features, the data page).
    connect(wizard, &ImportWizard::imported, this, [this] { openWorkspace(path_); });
    importWizard_ = wizard;
    wizard->setFile(chosen);
    wizard->show();
    return wizard;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) return;
    const QString path = urls.first().toLocalFile();
    if (path.endsWith(QLatin1String(".cwb")) || (ImportWizard::isDataFile(path) && !path_.isEmpty())) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) return;
    const QString path = urls.first().toLocalFile();
    if (path.endsWith(QLatin1String(".cwb"))) openWorkspace(path);
    else if (ImportWizard::isDataFile(path)) importData(path);
    event->acceptProposedAction();
}

} // namespace cwb::ui
