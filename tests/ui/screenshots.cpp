// cwb_screenshots: saves a PNG of every page of the workbench and of each
// step of the import wizard, in one language, for people to look at (run by
// scripts/screenshots under xvfb-run, once per language).
//
//   cwb_screenshots WORKSPACE OUTDIR --lang en|zh_CN
//
// Works on a copy of WORKSPACE (the wizard imports into it). The workspace
// should hold segments (scripts/screenshots makes RFM and k-means ones).

#include "designer/campaign_form.h"
#include "designer/designer_page.h"
#include "import_wizard.h"
#include "language.h"
#include "main_window.h"
#include "models_page.h"
#include "profile_page.h"
#include "reports_page.h"
#include "segments_page.h"

#include "sql/statement.h"
#include "training/model_store.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QUndoStack>
#include <QListWidget>
#include <QSlider>
#include <QTableWidget>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>

namespace {

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "cwb_screenshots: %s\n", message.toLocal8Bit().constData());
    std::exit(1);
}

void waitOrDie(QSignalSpy& spy, const QString& what, int ms = 120000)
{
    if (spy.isEmpty() && !spy.wait(ms)) die(QStringLiteral("timed out waiting for %1").arg(what));
}

void save(QWidget* widget, const QString& dir, const QString& name)
{
    QTest::qWait(300);   // let the charts' animations and layouts settle
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(file)) die(QStringLiteral("cannot save %1").arg(file));
    std::fprintf(stderr, "saved %s\n", file.toLocal8Bit().constData());
}

// A small orders file as a Chinese shop system exports it: GBK, Chinese
// headers, a list price and a paid amount, one unreadable amount.
QString writeOrdersFile(const QString& dir, const QStringList& users)
{
    const QString text = QStringLiteral("订单号,会员编号,下单时间,应付金额,实付金额,件数,优惠券\n"
                                        "SH1001,%1,2025-05-01 10:02,259.00,229.00,2,MAY30\n"
                                        "SH1002,%2,2025-05-01 11:47,88.00,88.00,1,\n"
                                        "SH1003,%3,2025-05-02 20:15,1299.00,1099.00,3,VIP200\n"
                                        "SH1004,%1,2025-05-03 09:30,abc,45.00,1,\n")
                             .arg(users.value(0), users.value(1), users.value(2));
    const QString path = QDir(dir).filePath(QStringLiteral("订单导出.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) die(QStringLiteral("cannot write %1").arg(path));
    f.write(QStringEncoder("GB18030").encode(text));
    return path;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignWorkbench"));
    QApplication::setApplicationName(QStringLiteral("Campaign Workbench Screenshots"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("A workspace with segments (it is copied)."));
    parser.addPositionalArgument(QStringLiteral("outdir"), QStringLiteral("Where the PNGs go."));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en or zh_CN"), QStringLiteral("language"), QStringLiteral("en"));
    parser.addOption(lang);
    parser.process(app);
    if (parser.positionalArguments().size() != 2) parser.showHelp(2);
    const QString source = parser.positionalArguments()[0];
    const QString out = parser.positionalArguments()[1];
    const QString language = parser.value(lang);
    QDir().mkpath(out);
    if (!cwb::ui::installTranslations(language)) die(QStringLiteral("no translation for %1").arg(language));

    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("demo.cwb"));
    if (!QFile::copy(source, path)) die(QStringLiteral("cannot copy %1").arg(source));
    QStringList users;
    {
        auto ws = cwb::model::Workspace::open(path);
        if (!ws) die(ws.error().toString());
        cwb::model::Statement st = ws->db().prepare(
            "SELECT u.user_id FROM users u JOIN orders o USING (uid) GROUP BY u.uid ORDER BY count(*) DESC, u.user_id LIMIT 3");
        while (st.step()) users << st.text(0);
    }
    if (users.size() < 3) die(QStringLiteral("the workspace needs customers with orders"));
    const QString prefix = language + QLatin1Char('-');

    cwb::ui::MainWindow w;
    w.resize(1280, 800);
    w.show();
    cwb::ui::SegmentsPage* segments = w.segmentsPage();
    QSignalSpy listed(segments, &cwb::ui::SegmentsPage::listed);
    QSignalSpy loaded(&w, &cwb::ui::MainWindow::loaded);
    w.openWorkspace(path);
    waitOrDie(loaded, QStringLiteral("the workspace"));
    save(&w, out, prefix + QStringLiteral("data"));

    w.showPage(QStringLiteral("segments"));
    waitOrDie(listed, QStringLiteral("the segment list"));
    if (segments->segments()->rowCount() > 0) {
        QSignalSpy profiled(segments, &cwb::ui::SegmentsPage::profiled);
        QSignalSpy mapped(segments, &cwb::ui::SegmentsPage::mapped);
        segments->showChart(QStringLiteral("profile"));
        segments->selectSegment(segments->segments()->item(0, cwb::ui::SegmentsPage::Name)->text());
        waitOrDie(profiled, QStringLiteral("the segment profile"));
        waitOrDie(mapped, QStringLiteral("the segment map"));
        save(&w, out, prefix + QStringLiteral("segments-profile"));
        segments->showChart(QStringLiteral("map"));
        save(&w, out, prefix + QStringLiteral("segments-map"));
    } else {
        save(&w, out, prefix + QStringLiteral("segments"));
    }

    QSignalSpy shown(w.profilePage(), &cwb::ui::ProfilePage::shown);
    w.showPage(QStringLiteral("profiles"));
    w.profilePage()->showUser(users.first());
    waitOrDie(shown, QStringLiteral("the profile"));
    save(&w, out, prefix + QStringLiteral("profiles"));

    // The Campaigns page: a new campaign of each type with its live forecast, a problem shown
    // next to its field, better terms from Optimise and the three side by side.
    cwb::ui::DesignerPage* designer = w.designerPage();
    w.showPage(QStringLiteral("campaigns"));
    if (designer->listedCampaigns() == 0) {
        QSignalSpy campaignsListed(designer, &cwb::ui::DesignerPage::campaignsListed);
        waitOrDie(campaignsListed, QStringLiteral("the campaign list"));
    }
    auto waitSettled = [designer](QSignalSpy& spy) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 300000) {
            for (const QList<QVariant>& args : spy)
                if (args.value(0).toBool()) return;
            spy.wait(1000);
        }
        die(QStringLiteral("timed out waiting for the forecast: %1").arg(designer->statusText()));
    };
    const struct {
        cwb::engine::CampaignType type;
        const char* name;
    } designs[] = {{cwb::engine::CampaignType::Coupon, "designer-coupon"},
                   {cwb::engine::CampaignType::FlashSale, "designer-flash-sale"},
                   {cwb::engine::CampaignType::Member, "designer-member"}};
    QList<qint64> designed;
    for (const auto& d : designs) {
        QSignalSpy created(designer, &cwb::ui::DesignerPage::created);
        QSignalSpy settled(designer, &cwb::ui::DesignerPage::previewShown);
        designer->newCampaign(d.type);
        waitOrDie(created, QStringLiteral("a new campaign"));
        designed << created.front().front().toLongLong();
        waitSettled(settled);
        if (d.type == cwb::engine::CampaignType::Coupon) {
            // Aimed at the first segment, 15 % off: edits through the form, as a user makes them.
            QListWidget* include = designer->form()->segmentList(false);
            QSignalSpy again(designer, &cwb::ui::DesignerPage::previewShown);
            if (include->count() > 0) include->item(0)->setCheckState(Qt::Checked);
            designer->form()->numberField(QStringLiteral("coupon.percent_off"))->slider()->setValue(30);
            waitSettled(again);
        }
        save(&w, out, prefix + QLatin1String(d.name));
        if (designer->hasUnsavedChanges()) {
            QSignalSpy saved(designer, &cwb::ui::DesignerPage::saved);
            designer->save();
            waitOrDie(saved, QStringLiteral("saving the campaign"));
        }
    }
    {
        QSignalSpy optimized(designer, &cwb::ui::DesignerPage::optimized);
        designer->selectCampaign(designed.front());
        QTest::qWait(500);
        designer->optimize();
        waitOrDie(optimized, QStringLiteral("the optimiser"), 600000);
        save(&w, out, prefix + QStringLiteral("designer-optimise"));
        QSignalSpy settled(designer, &cwb::ui::DesignerPage::previewShown);
        designer->applyOptimized(0);
        waitSettled(settled);
        designer->form()->numberField(QStringLiteral("coupon.min_spend"))->spinBox()->setValue(1);
        designer->form()->couponKindBox()->setCurrentIndex(1);   // amount off, above the threshold: a problem
        designer->form()->numberField(QStringLiteral("coupon.percent_off"))->spinBox()->setValue(50);
        QTest::qWait(300);
        designer->save();
        save(&w, out, prefix + QStringLiteral("designer-problem"));
        designer->undoStack()->setIndex(designer->undoStack()->cleanIndex());   // back to the saved terms
        QSignalSpy compared(designer, &cwb::ui::DesignerPage::compared);
        designer->selectCampaigns(designed);
        designer->compare();
        waitOrDie(compared, QStringLiteral("the comparison"), 600000);
        save(&w, out, prefix + QStringLiteral("designer-compare"));
    }

    // The Models page: the newest uptake or uplift model's quality (one is trained when there is none).
    cwb::ui::ModelsPage* models = w.modelsPage();
    w.showPage(QStringLiteral("models"));
    if (models->listedModels() == 0) {
        QSignalSpy modelsListed(models, &cwb::ui::ModelsPage::modelsListed);
        waitOrDie(modelsListed, QStringLiteral("the model list"));
    }
    qint64 model = 0;
    {
        auto ws = cwb::model::Workspace::open(path);
        if (!ws) die(ws.error().toString());
        for (const cwb::model::ModelSummary& m : cwb::model::listModels(ws->db()))
            if (model == 0 && m.kind != QLatin1String("churn")) model = m.id;
    }
    QSignalSpy modelShown(models, &cwb::ui::ModelsPage::shown);
    if (model > 0) {
        models->selectModel(model);
    } else {
        models->setTrainChoice(cwb::engine::BaseLearner::Logistic, cwb::model::Outcome::Converted, true);
        models->train();
    }
    waitOrDie(modelShown, QStringLiteral("the model's quality"), 600000);
    save(&w, out, prefix + QStringLiteral("models"));

    // The Reports page: the newest campaign's report previewed, then its target list.
    cwb::ui::ReportsPage* reports = w.reportsPage();
    w.showPage(QStringLiteral("reports"));
    if (reports->listedCampaigns() == 0) {
        QSignalSpy campaigns(reports, &cwb::ui::ReportsPage::campaignsListed);
        waitOrDie(campaigns, QStringLiteral("the campaign list"));
    }
    qint64 newest = 0;
    {
        auto ws = cwb::model::Workspace::open(path);
        if (!ws) die(ws.error().toString());
        newest = ws->db().queryInt("SELECT MAX(campaign_id) FROM campaigns");
    }
    reports->selectCampaigns({newest});
    QSignalSpy previewed(reports, &cwb::ui::ReportsPage::previewed);
    reports->preview();
    waitOrDie(previewed, QStringLiteral("the report preview"));
    save(&w, out, prefix + QStringLiteral("reports-pdf"));
    reports->setFormat(cwb::ui::ReportFileFormat::Csv);
    QSignalSpy listedTargets(reports, &cwb::ui::ReportsPage::previewed);
    reports->preview();
    waitOrDie(listedTargets, QStringLiteral("the target list preview"));
    save(&w, out, prefix + QStringLiteral("reports-csv"));

    // The import wizard, step by step, on the GBK orders file.
    w.showPage(QStringLiteral("data"));
    cwb::ui::ImportWizard* wizard = w.importData(writeOrdersFile(tmp.path(), users));
    QSignalSpy inspected(wizard, &cwb::ui::ImportWizard::inspected);
    waitOrDie(inspected, QStringLiteral("the file"));
    save(wizard, out, prefix + QStringLiteral("import-1-file"));
    wizard->next();
    // The amount before discount, as a user would choose: the bad row then shows among the rejects.
    QComboBox* amount = wizard->columnBox(QStringLiteral("amount"));
    amount->setCurrentIndex(amount->findText(QStringLiteral("应付金额")));
    save(wizard, out, prefix + QStringLiteral("import-2-columns"));
    QSignalSpy checked(wizard, &cwb::ui::ImportWizard::checked);
    wizard->next();
    waitOrDie(checked, QStringLiteral("the check"));
    save(wizard, out, prefix + QStringLiteral("import-3-check"));
    QSignalSpy ended(wizard, &cwb::ui::ImportWizard::importEnded);
    wizard->next();
    waitOrDie(ended, QStringLiteral("the import"));
    save(wizard, out, prefix + QStringLiteral("import-4-done"));
    wizard->accept();
    return 0;
}
