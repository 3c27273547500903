// End-to-end: `cwb report` on a demo workspace with a trained uplift model and
// campaigns of each type, and on the real Hillstrom test. The HTML's figures
// are checked against `cwb preview --json` for the same campaign, the PDF with
// poppler's pdfinfo / pdftotext / pdftoppm, the CSV for formula injection and
// pseudonymised ids.
#include "cli_run.h"
#include "test_support.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QXmlStreamReader>

#include <cmath>
#include <map>
#include <memory>

#include <gtest/gtest.h>

using cwb::test::CliRun;
using cwb::test::json;
using cwb::test::runCwb;
using cwb::test::TempDir;

namespace {

const QString kScript = QStringLiteral("<script>alert(1)</script>");
const QString kFormula = QStringLiteral("=HYPERLINK(\"http://x\")");

// A poppler tool's output, or nothing when poppler-utils is missing.
std::optional<QString> poppler(const QString& tool, const QStringList& args)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty()) return std::nullopt;
    QProcess p;
    p.start(exe, args);
    EXPECT_TRUE(p.waitForFinished(120000));
    EXPECT_EQ(p.exitCode(), 0) << tool.toStdString() << ": " << p.readAllStandardError().toStdString();
    // The fonts' ligatures come out of pdftotext as single characters.
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB00), QStringLiteral("ff"))
        .replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl"));
}

struct Figure {
    double value = 0, low = 0, high = 0;
    QString shown;
};

// Reads the HTML as XML (it must be well-formed): the figures by data-key, and all text.
std::map<QString, Figure> htmlFigures(const QString& html, QString* text = nullptr)
{
    QString body = html;
    body.remove(QStringLiteral("<!DOCTYPE html>"));
    QXmlStreamReader xml(body);
    std::map<QString, Figure> out;
    QString key;
    int depth = 0, valueDepth = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            const auto a = xml.attributes();
            if (a.hasAttribute(QStringLiteral("data-key"))) {
                key = a.value(QStringLiteral("data-key")).toString();
                Figure& f = out[key];
                f.value = a.value(QStringLiteral("data-value")).toDouble();
                f.low = a.value(QStringLiteral("data-low")).toDouble();
                f.high = a.value(QStringLiteral("data-high")).toDouble();
            }
            if (!key.isEmpty() && a.value(QStringLiteral("class")) == QLatin1String("value")) valueDepth = depth;
        } else if (xml.isEndElement()) {
            if (depth == valueDepth) valueDepth = -1;
            --depth;
        } else if (xml.isCharacters()) {
            if (valueDepth >= 0) out[key].shown += xml.text();
            if (text) *text += xml.text().toString() + QLatin1Char(' ');
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString() << " at line " << xml.lineNumber();
    return out;
}

// The number a formatted figure shows ("¥12,345", "83.4", "-¥8.85"), and how many decimals it has.
std::pair<double, int> shownNumber(const QString& shown)
{
    QString digits;
    for (const QChar c : shown)
        if (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char('-')) digits += c;
    const qsizetype dot = digits.indexOf(QLatin1Char('.'));
    return {digits.toDouble(), dot < 0 ? 0 : int(digits.size() - dot - 1)};
}

QList<QStringList> readCsv(const QString& path)
{
    QString text = QString::fromUtf8(cwb::test::readFile(path));
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) field += c, ++i;
            else if (c == QLatin1Char('"')) quoted = false;
            else field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field, field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field, field.clear();
            rows << row, row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        ws_ = dir_->path(QStringLiteral("demo.cwb"));
        auto run = [](const QStringList& args) {
            const CliRun r = runCwb(args);
            ASSERT_EQ(r.code, 0) << args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString();
        };
        run({QStringLiteral("demo"), ws_, QStringLiteral("--users"), QStringLiteral("4000"), QStringLiteral("--seed"), QStringLiteral("5")});
        run({QStringLiteral("segment"), ws_, QStringLiteral("--method"), QStringLiteral("rfm")});
        run({QStringLiteral("segment"), ws_, QStringLiteral("--method"), QStringLiteral("rule"), QStringLiteral("--rule"), QStringLiteral("orders >= 1"),
             QStringLiteral("--name"), kFormula});
        run({QStringLiteral("train"), ws_, QStringLiteral("--uplift"), QStringLiteral("--target"), QStringLiteral("converted")});
        const QString specs[] = {
            QStringLiteral(R"({"name": %1, "type": "coupon", "start": "2026-12-05T10:00:00+08:00",
                "coupon": {"percent_off": 20, "min_spend": 199, "validity_days": 7},
                "target": {"include": [%2]}, "control_share": 0.1, "channel": "sms", "cost_per_contact": 0.05, "budget": 5000})"),
            QStringLiteral(R"({"name": "Double-12 flash 30%", "type": "flash_sale", "start": "2026-12-12T12:00:00+08:00",
                "flash_sale": {"percent_off": 30, "duration_hours": 6, "categories": ["Beauty"]}, "control_share": 0.1, "channel": "push"})"),
            QStringLiteral(R"({"name": "Gold week points x3", "type": "member", "start": "2026-12-20T09:00:00+08:00",
                "member": {"tiers": ["gold", "platinum"], "points_multiplier": 3, "duration_days": 7}, "control_share": 0.15, "channel": "app"})")};
        const QString quotedName = QStringLiteral("\"%1\"").arg(kScript), quotedSegment = QStringLiteral("\"=HYPERLINK(\\\"http://x\\\")\"");
        for (int i = 0; i < 3; ++i) {
            const QString file = dir_->path(QStringLiteral("spec%1.json").arg(i));
            QString spec = specs[i];
            if (i == 0) spec = spec.arg(quotedName, quotedSegment);
            cwb::test::writeFile(file, spec.toUtf8());
            const CliRun created = runCwb({QStringLiteral("campaign"), ws_, QStringLiteral("create"), QStringLiteral("--spec"), file});
            ASSERT_EQ(created.code, 0) << created.err.toStdString();
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("created campaign (\\d+)")).match(created.out);
            ASSERT_TRUE(m.hasMatch()) << created.out.toStdString();
            campaigns_ << m.captured(1);
        }
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static CliRun report(const QString& campaign, const QString& file, QStringList extra = {})
    {
        QStringList args{QStringLiteral("report"), ws_, QStringLiteral("--campaign"), campaign, QStringLiteral("-o"), file};
        return runCwb(args + extra);
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline QString ws_;
    static inline QStringList campaigns_;   // coupon, flash sale, member
};

TEST_F(Report, HtmlFiguresEqualThePreviewAndUserTextIsEscaped)
{
    const QString html = dir_->path(QStringLiteral("coupon.html"));
    const CliRun r = report(campaigns_[0], html);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const CliRun preview = runCwb({QStringLiteral("preview"), ws_, QStringLiteral("--campaign"), campaigns_[0], QStringLiteral("--json")});
    ASSERT_EQ(preview.code, 0) << preview.err.toStdString();
    const QJsonObject totals = json(preview).value(QStringLiteral("totals")).toObject();

    const QString source = QString::fromUtf8(cwb::test::readFile(html));
    QString text;
    const auto figures = htmlFigures(source, &text);
    ASSERT_EQ(figures.count(QStringLiteral("targeted_users")), 1u);
    EXPECT_EQ(figures.at(QStringLiteral("targeted_users")).value, totals.value(QStringLiteral("targeted_users")).toDouble());
    int compared = 0;
    for (const char* key : {"redemptions", "incremental_conversions", "revenue", "incremental_revenue", "total_cost", "discount_on_incremental",
                            "subsidy", "contact_cost", "profit", "incremental_profit", "roi", "incremental_roi"}) {
        SCOPED_TRACE(key);
        const QString k = QString::fromLatin1(key);
        ASSERT_EQ(figures.count(k), 1u);
        const Figure& f = figures.at(k);
        const QJsonObject e = totals.value(k).toObject();
        // Two runs of the same deterministic forecast: the same numbers, to the last digits printed.
        EXPECT_NEAR(f.value, e.value(QStringLiteral("value")).toDouble(), 1e-9 * std::max(1.0, std::fabs(f.value)));
        EXPECT_NEAR(f.low, e.value(QStringLiteral("low")).toDouble(), 1e-9 * std::max(1.0, std::fabs(f.low)));
        EXPECT_NEAR(f.high, e.value(QStringLiteral("high")).toDouble(), 1e-9 * std::max(1.0, std::fabs(f.high)));
        // What the reader sees is that number, rounded to the digits shown.
        const auto [shown, decimals] = shownNumber(f.shown);
        EXPECT_NEAR(shown, f.value, 0.5 * std::pow(10.0, -decimals) + 1e-9) << f.shown.toStdString();
        ++compared;
    }
    EXPECT_EQ(compared, 12);

    // User text is escaped: the name reads as text, never as markup or a link.
    EXPECT_FALSE(source.contains(kScript));
    EXPECT_TRUE(source.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    EXPECT_TRUE(text.contains(kScript));
    EXPECT_TRUE(text.contains(kFormula));
    // Self-contained: every image is embedded, nothing is fetched.
    EXPECT_TRUE(source.contains(QStringLiteral("src=\"data:image/svg+xml;base64,")));
    EXPECT_FALSE(source.contains(QStringLiteral("src=\"http")));
    EXPECT_FALSE(source.contains(QStringLiteral("<link")));
    EXPECT_GE(source.count(QStringLiteral("<figure class=\"chart\"")), 4);
}

TEST_F(Report, PdfOfEachCampaignTypeHasItsFiguresAndPages)
{
    const QString labels[] = {QStringLiteral("Coupon"), QStringLiteral("Flash sale"), QStringLiteral("Member-exclusive offer")};
    for (int i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        const QString pdf = dir_->path(QStringLiteral("c%1.pdf").arg(i)), html = dir_->path(QStringLiteral("c%1.html").arg(i));
        const CliRun r = report(campaigns_[i], pdf);
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        ASSERT_EQ(report(campaigns_[i], html).code, 0);
        const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("\\((\\d+) pages\\)")).match(r.err);
        ASSERT_TRUE(pages.hasMatch()) << r.err.toStdString();

        const auto info = poppler(QStringLiteral("pdfinfo"), {pdf});
        if (!info) GTEST_SKIP() << "poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed";
        EXPECT_TRUE(info->contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages.captured(1))))) << info->toStdString();
        EXPECT_TRUE(info->contains(QStringLiteral("(A4)"))) << info->toStdString();
        const auto text = poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        ASSERT_TRUE(text);
        EXPECT_TRUE(text->contains(labels[i]));
        EXPECT_TRUE(text->contains(QStringLiteral("Page %1 of %1").arg(pages.captured(1))));
        // The headline figures, as the HTML shows them, are in the PDF's text.
        const auto figures = htmlFigures(QString::fromUtf8(cwb::test::readFile(html)));
        for (const char* key : {"targeted_users", "redemptions", "revenue", "total_cost", "incremental_profit", "incremental_roi"})
            EXPECT_TRUE(text->contains(figures.at(QString::fromLatin1(key)).shown)) << key << ": " << figures.at(QString::fromLatin1(key)).shown.toStdString();
        if (i == 1) {
            EXPECT_TRUE(text->contains(QStringLiteral("Expected redemptions by hour of the sale")));
        }
        // Every page renders.
        const QString prefix = dir_->path(QStringLiteral("page%1").arg(i));
        poppler(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), pdf, prefix});
        for (int p = 1; p <= pages.captured(1).toInt(); ++p) {
            const QString png = pages.captured(1).toInt() >= 10 ? QStringLiteral("%1-%2.png").arg(prefix).arg(p, 2, 10, QLatin1Char('0'))
                                                                : QStringLiteral("%1-%2.png").arg(prefix).arg(p);
            EXPECT_GT(QFileInfo(png).size(), 1000) << png.toStdString();
        }
    }

    // Letter, in Chinese: the page size and the language follow the options.
    const QString zh = dir_->path(QStringLiteral("zh.pdf"));
    ASSERT_EQ(report(campaigns_[0], zh, {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--page"), QStringLiteral("letter")}).code, 0);
    const auto info = poppler(QStringLiteral("pdfinfo"), {zh});
    EXPECT_TRUE(info->contains(QStringLiteral("612 x 792"))) << info->toStdString();
    const auto text = poppler(QStringLiteral("pdftotext"), {zh, QStringLiteral("-")});
    EXPECT_TRUE(text->contains(QStringLiteral("营销活动报告"))) << text->left(400).toStdString();
    EXPECT_TRUE(text->contains(QStringLiteral("增量利润")));
}

TEST_F(Report, ComparisonReportPutsTheCampaignsSideBySide)
{
    const QString html = dir_->path(QStringLiteral("compare.html"));
    const CliRun r = report(campaigns_.join(QLatin1Char(',')), html);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QString text;
    htmlFigures(QString::fromUtf8(cwb::test::readFile(html)), &text);
    EXPECT_TRUE(text.contains(QStringLiteral("Campaign comparison: 3 campaigns")));
    for (const QString& name : {kScript, QStringLiteral("Double-12 flash 30%"), QStringLiteral("Gold week points x3")}) EXPECT_TRUE(text.contains(name));
    EXPECT_EQ(QString::fromUtf8(cwb::test::readFile(html)).count(QStringLiteral("data-key=\"incremental_profit\"")), 3);
}

TEST_F(Report, TargetListIsSafeInSpreadsheetsAndPseudonymisedOnRequest)
{
    const QString plain = dir_->path(QStringLiteral("plain.csv")), a1 = dir_->path(QStringLiteral("a1.csv")), a2 = dir_->path(QStringLiteral("a2.csv")),
                  b = dir_->path(QStringLiteral("b.csv")), noBom = dir_->path(QStringLiteral("nobom.csv"));
    ASSERT_EQ(report(campaigns_[0], plain).code, 0);
    ASSERT_EQ(report(campaigns_[0], a1, {QStringLiteral("--pseudonymize"), QStringLiteral("salt-number-one")}).code, 0);
    ASSERT_EQ(report(campaigns_[0], a2, {QStringLiteral("--pseudonymize"), QStringLiteral("salt-number-one")}).code, 0);
    ASSERT_EQ(report(campaigns_[0], b, {QStringLiteral("--pseudonymize"), QStringLiteral("salt-number-two")}).code, 0);
    ASSERT_EQ(report(campaigns_[0], noBom, {QStringLiteral("--no-bom")}).code, 0);
    EXPECT_EQ(runCwb({QStringLiteral("report"), ws_, QStringLiteral("--campaign"), campaigns_[0], QStringLiteral("-o"), b, QStringLiteral("--pseudonymize"),
                      QStringLiteral("short")}).code,
              2);

    EXPECT_TRUE(cwb::test::readFile(plain).startsWith("\xEF\xBB\xBF"));
    EXPECT_TRUE(cwb::test::readFile(noBom).startsWith("campaign,user_id,"));
    const QList<QStringList> rows = readCsv(plain), p1 = readCsv(a1), p2 = readCsv(a2), p3 = readCsv(b);
    ASSERT_GT(rows.size(), 10);
    ASSERT_EQ(rows[0].join(QLatin1Char(',')),
              QStringLiteral("campaign,user_id,rank,group,offer,segment,uptake,buy_with_offer,buy_without_offer,uplift,expected_incremental_profit"));
    EXPECT_EQ(p1[0][1], QStringLiteral("user_pseudonym"));
    // Reaches exactly the users the preview says.
    const QJsonObject preview = json(runCwb({QStringLiteral("preview"), ws_, QStringLiteral("--campaign"), campaigns_[0], QStringLiteral("--json")}));
    EXPECT_EQ(rows.size() - 1, preview.value(QStringLiteral("limits")).toObject().value(QStringLiteral("reached_users")).toInteger());
    int control = 0, formulaSegment = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& r = rows[i];
        ASSERT_EQ(r.size(), 11);
        // Text cells never start with a character a spreadsheet would run as a formula.
        for (int c : {0, 1, 3, 4, 5}) EXPECT_FALSE(!r[c].isEmpty() && QStringLiteral("=+-@").contains(r[c].front())) << r[c].toStdString();
        EXPECT_EQ(r[0], kScript);
        EXPECT_EQ(r[2].toInt(), int(i));
        if (r[3] == QLatin1String("control")) {
            ++control;
            EXPECT_TRUE(r[4].isEmpty());
        } else {
            EXPECT_EQ(r[4], QStringLiteral("coupon: 20 % off orders of 199 or more, valid 7 days"));
        }
        if (r[5] == QLatin1Char('\'') + kFormula) ++formulaSegment;
    }
    EXPECT_EQ(formulaSegment, rows.size() - 1);
    EXPECT_GT(control, 0);
    EXPECT_LT(control, (rows.size() - 1) / 4);

    // Pseudonyms: the same for the same salt, others under another salt, one per user, and no id shows through.
    ASSERT_EQ(p1.size(), rows.size());
    ASSERT_EQ(p3.size(), rows.size());
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        EXPECT_EQ(p1[i][1], p2[i][1]);
        EXPECT_NE(p1[i][1], p3[i][1]);
        EXPECT_NE(p1[i][1], rows[i][1]);
        EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(p1[i][1]).hasMatch()) << p1[i][1].toStdString();
        EXPECT_EQ(p1[i][3], rows[i][3]);   // the same group for the same seed
        seen.insert(p1[i][1]);
    }
    EXPECT_EQ(seen.size(), rows.size() - 1);
    EXPECT_FALSE(cwb::test::readFile(a1).contains(rows[1][1].toUtf8()));
}

TEST(ReportOnHillstrom, ReadOutInAllThreeFormats)
{
    const auto file = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    if (!file) GTEST_SKIP() << "../shared/data/hillstrom is missing";
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("hs.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    ASSERT_EQ(runCwb({QStringLiteral("import"), ws, QStringLiteral("--preset"), QStringLiteral("hillstrom"), *file}).code, 0);
    const QJsonObject readout = json(runCwb({QStringLiteral("readout"), ws, QStringLiteral("--campaign"), QStringLiteral("1"), QStringLiteral("--json")}));

    const QString html = dir.path(QStringLiteral("hs.html")), pdf = dir.path(QStringLiteral("hs.pdf")), csv = dir.path(QStringLiteral("hs.csv"));
    for (const QString& out : {html, pdf, csv}) {
        const CliRun r = runCwb({QStringLiteral("report"), ws, QStringLiteral("--campaign"), QStringLiteral("1"), QStringLiteral("-o"), out});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
    }
    QString text;
    htmlFigures(QString::fromUtf8(cwb::test::readFile(html)), &text);
    // Each arm with its users and conversion rate as `cwb readout` computes them.
    for (const QJsonValue& v : readout.value(QStringLiteral("arms")).toArray()) {
        const QJsonObject arm = v.toObject();
        const QString name = arm.value(QStringLiteral("name")).toString();
        if (arm.value(QStringLiteral("group")).toString() == QLatin1String("pooled")) continue;
        SCOPED_TRACE(name.toStdString());
        const qint64 users = arm.value(QStringLiteral("users")).toInteger();
        EXPECT_TRUE(text.contains(QStringLiteral("%1 users").arg(QLocale(QLocale::English).toString(users)))) << users;
        const double rate = arm.value(QStringLiteral("converted")).toObject().value(QStringLiteral("rate")).toDouble();
        EXPECT_TRUE(text.contains(QLocale(QLocale::English).toString(100 * rate, 'f', rate >= 0.01 ? 1 : 2) + QStringLiteral(" %"))) << rate;
    }
    EXPECT_TRUE(text.contains(QStringLiteral("USD")));   // the preset records the data's currency
    const QList<QStringList> rows = readCsv(csv);
    ASSERT_EQ(rows.size(), 64001);
    std::map<QString, int> groups;
    for (qsizetype i = 1; i < rows.size(); ++i) ++groups[rows[i][3]];
    EXPECT_EQ(groups[QStringLiteral("treatment")], 42694);
    EXPECT_EQ(groups[QStringLiteral("control")], 21306);
    if (const auto t = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})) {
        EXPECT_TRUE(t->contains(QStringLiteral("Results: treatment against control")));
        EXPECT_TRUE(t->contains(QStringLiteral("21,306 users")));
    }
}

} // namespace
