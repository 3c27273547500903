// cwb segment, cwb segments, cwb lookalike
#include "commands.h"
#include "console.h"

#include "features/feature_catalog.h"
#include "segments/lookalike_search.h"
#include "segments/segment_export.h"
#include "segments/segment_store.h"
#include "segments/segmentation.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace cwb::cli {

namespace {

QJsonObject summaryJson(const model::SegmentSummary& s)
{
    QJsonArray features;
    for (const model::FeatureComparison& f : s.features)
        features.append(QJsonObject{{QStringLiteral("feature"), f.feature},
                                    {QStringLiteral("mean"), std::isnan(f.mean) ? QJsonValue() : QJsonValue(f.mean)},
                                    {QStringLiteral("population"), std::isnan(f.population) ? QJsonValue() : QJsonValue(f.population)},
                                    {QStringLiteral("difference"), std::isnan(f.difference) ? QJsonValue() : QJsonValue(f.difference)}});
    return {{QStringLiteral("id"), s.id},          {QStringLiteral("name"), s.name},
            {QStringLiteral("size"), s.size},      {QStringLiteral("share"), s.share},
            {QStringLiteral("description"), s.description}, {QStringLiteral("features"), features}};
}

void printSegments(const model::SegmentationResult& r)
{
    int width = 8;
    for (const auto& s : r.segments) width = std::max(width, displayWidth(s.name));
    for (const auto& s : r.segments)
        printOut(QStringLiteral("  %1 %2 %3  %4\n")
                     .arg(padRight(s.name, width), number(s.size).rightJustified(10),
                          (number(100.0 * s.share, 1) + QLatin1Char('%')).rightJustified(6), s.description));
    // Key means of each segment against everyone.
    const QStringList key{QStringLiteral("recency_days"), QStringLiteral("orders"), QStringLiteral("monetary"),
                          QStringLiteral("sessions_per_week"), QStringLiteral("churn_risk")};
    printOut(QStringLiteral("\n  mean of %1\n").arg(key.join(QStringLiteral(" / "))));
    for (const auto& s : r.segments) {
        QStringList cells;
        for (const QString& k : key)
            for (const auto& f : s.features)
                if (f.feature == k) cells << (std::isnan(f.mean) ? QStringLiteral("-") : number(f.mean, 1));
        printOut(QStringLiteral("  %1 %2\n").arg(padRight(s.name, width), cells.join(QStringLiteral(" / "))));
    }
    if (!r.segments.isEmpty()) {
        QStringList cells;
        for (const QString& k : key)
            for (const auto& f : r.segments.first().features)
                if (f.feature == k) cells << number(f.population, 1);
        printOut(QStringLiteral("  %1 %2\n").arg(padRight(QStringLiteral("everyone"), width), cells.join(QStringLiteral(" / "))));
    }
}

int runSegment(const ParsedArgs& args)
{
    model::SegmentationRequest req;
    const QString method = args.value(QStringLiteral("method"));
    if (method == QLatin1String("rfm")) req.method = model::SegmentMethod::Rfm;
    else if (method == QLatin1String("kmeans")) req.method = model::SegmentMethod::KMeans;
    else if (method == QLatin1String("rule")) req.method = model::SegmentMethod::Rule;
    else return usageError(QStringLiteral("--method must be rfm, kmeans or rule"));
    req.name = args.value(QStringLiteral("name"));
    req.rule = args.value(QStringLiteral("rule"));
    if (req.method == model::SegmentMethod::Rule && req.rule.isEmpty()) return usageError(QStringLiteral("--method rule needs --rule EXPR"));
    const auto k = integerOption(args, QStringLiteral("k"), 6, 1, 100);
    if (!k) return usageError(k.error().message);
    req.k = static_cast<int>(k.value());
    req.autoK = args.has(QStringLiteral("auto-k"));
    if (args.values.contains(QStringLiteral("k-range"))) {
        const QStringList parts = args.value(QStringLiteral("k-range")).split(QLatin1Char('-'));
        bool ok1 = false, ok2 = false;
        if (parts.size() == 2) {
            req.kMin = parts[0].toInt(&ok1);
            req.kMax = parts[1].toInt(&ok2);
        }
        if (!ok1 || !ok2 || req.kMin < 2 || req.kMax < req.kMin || req.kMax > 50) return usageError(QStringLiteral("--k-range takes MIN-MAX, e.g. 2-10"));
    }
    if (args.values.contains(QStringLiteral("features")))
        req.features = args.value(QStringLiteral("features")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (args.values.contains(QStringLiteral("scaling"))) {
        const auto s = engine::parseScaling(args.value(QStringLiteral("scaling")).toStdString());
        if (!s) return usageError(QStringLiteral("--scaling must be zscore, minmax, robust or none"));
        req.scaling = *s;
    }
    const auto seed = integerOption(args, QStringLiteral("seed"), 42, 0, std::numeric_limits<qint64>::max());
    const auto nInit = integerOption(args, QStringLiteral("n-init"), 4, 1, 100);
    const auto maxIter = integerOption(args, QStringLiteral("max-iter"), 300, 1, 100000);
    const auto sample = integerOption(args, QStringLiteral("sample"), 10000, 2, 200000);
    for (const auto* r : {&seed, &nInit, &maxIter, &sample})
        if (!*r) return usageError(r->error().message);
    req.seed = static_cast<quint64>(seed.value());
    req.nInit = static_cast<int>(nInit.value());
    req.maxIter = static_cast<int>(maxIter.value());
    req.silhouetteSample = sample.value();
    const QString algo = args.value(QStringLiteral("algorithm"), QStringLiteral("lloyd"));
    if (algo == QLatin1String("elkan")) req.algorithm = engine::KMeansAlgorithm::Elkan;
    else if (algo != QLatin1String("lloyd")) return usageError(QStringLiteral("--algorithm must be lloyd or elkan"));
    req.save = !args.has(QStringLiteral("no-save"));

    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    ProgressLine line;
    auto result = model::runSegmentation(ws.value(), req, [&](const QString& step, double) {
        line.show(QStringLiteral("segmenting: %1").arg(step));
        return !interrupted().load();
    });
    line.done();
    if (!result) return fail(result.error());
    if (result->cancelled) return fail(model::makeError(QStringLiteral("cancelled; no segment was saved")));
    const model::SegmentationResult& r = result.value();
    if (args.has(QStringLiteral("json"))) {
        QJsonArray segments, scores;
        for (const auto& s : r.segments) segments.append(summaryJson(s));
        for (const auto& s : r.kScores)
            scores.append(QJsonObject{{QStringLiteral("k"), s.k}, {QStringLiteral("inertia"), s.inertia}, {QStringLiteral("silhouette"), s.silhouette}});
        QJsonObject o{{QStringLiteral("method"), method},
                      {QStringLiteral("population"), r.population},
                      {QStringLiteral("saved"), req.save},
                      {QStringLiteral("features_rebuilt"), r.featuresRebuilt},
                      {QStringLiteral("segments"), segments}};
        if (req.method == model::SegmentMethod::KMeans) {
            o.insert(QStringLiteral("k"), r.chosenK);
            o.insert(QStringLiteral("inertia"), r.inertia);
            o.insert(QStringLiteral("features"), QJsonArray::fromStringList(r.features));
            if (req.autoK) {
                o.insert(QStringLiteral("k_scores"), scores);
                o.insert(QStringLiteral("elbow_k"), r.elbowK);
            }
        }
        printJson(o);
        return Success;
    }
    if (r.featuresRebuilt) printOut(QStringLiteral("(the data changed since the features were built: rebuilt them first)\n"));
    if (req.autoK) {
        printOut(QStringLiteral("choosing k: silhouette on a sample of %1 users, and inertia\n     k   silhouette          inertia\n").arg(number(req.silhouetteSample)));
        for (const auto& s : r.kScores)
            printOut(QStringLiteral("  %1   %2   %3%4\n")
                         .arg(QString::number(s.k).rightJustified(3), number(s.silhouette, 3).rightJustified(10),
                              number(s.inertia, 0).rightJustified(14), s.k == r.chosenK ? QStringLiteral("   <- chosen") : QString()));
        printOut(QStringLiteral("  chose k = %1 (highest silhouette); the inertia curve bends most at k = %2\n\n").arg(r.chosenK).arg(r.elbowK));
    }
    if (req.method == model::SegmentMethod::KMeans)
        printOut(QStringLiteral("k-means, k = %1, on %2 (%3 scaling); inertia %4\n")
                     .arg(r.chosenK)
                     .arg(r.features.join(QStringLiteral(", ")), QString::fromLatin1(engine::scalingName(req.scaling).data()), number(r.inertia, 1)));
    printOut(QStringLiteral("%1 segment(s) of %2 users%3:\n").arg(r.segments.size()).arg(number(r.population), req.save ? QStringLiteral(", saved") : QString()));
    printSegments(r);
    return Success;
}

int runSegments(const ParsedArgs& args)
{
    const int actions = int(args.has(QStringLiteral("delete"))) + int(args.has(QStringLiteral("rename"))) + int(args.has(QStringLiteral("export")));
    if (actions > 1) return usageError(QStringLiteral("--delete, --rename and --export go one at a time"));
    if (args.has(QStringLiteral("export")) && args.value(QStringLiteral("output")).isEmpty())
        return usageError(QStringLiteral("--export NAME needs -o FILE"));
    if (!args.has(QStringLiteral("export")) && args.has(QStringLiteral("output")))
        return usageError(QStringLiteral("-o FILE goes with --export NAME"));
    QString renameFrom, renameTo;
    if (args.has(QStringLiteral("rename"))) {
        const QString spec = args.value(QStringLiteral("rename"));
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == spec.size() - 1) return usageError(QStringLiteral("--rename takes OLD=NEW (got \"%1\")").arg(spec));
        renameFrom = spec.left(eq);
        renameTo = spec.mid(eq + 1);
    }

    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    if (args.has(QStringLiteral("delete"))) {
        const QString name = args.value(QStringLiteral("delete"));
        if (auto err = model::deleteSegment(ws->db(), name)) return fail(*err);
        printOut(QStringLiteral("deleted segment \"%1\"\n").arg(name));
        return Success;
    }
    if (!renameFrom.isEmpty()) {
        if (auto err = model::renameSegment(ws->db(), renameFrom, renameTo)) return fail(*err);
        printOut(QStringLiteral("renamed segment \"%1\" to \"%2\"\n").arg(renameFrom, renameTo));
        return Success;
    }
    if (args.has(QStringLiteral("export"))) {
        model::SegmentExportOptions options;
        options.byteOrderMark = !args.has(QStringLiteral("no-bom"));
        const QString name = args.value(QStringLiteral("export")), path = args.value(QStringLiteral("output"));
        auto n = model::exportSegmentMembers(ws->db(), name, path, options);
        if (!n) return fail(n.error());
        if (args.has(QStringLiteral("json"))) {
            printJson({{QStringLiteral("segment"), name}, {QStringLiteral("file"), path}, {QStringLiteral("members"), n.value()}});
            return Success;
        }
        printOut(QStringLiteral("wrote %1 members of \"%2\" to %3\n").arg(number(n.value()), name, path));
        return Success;
    }
    const auto list = model::listSegments(ws->db());
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const auto& s : list)
            arr.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}, {QStringLiteral("method"), s.method},
                                   {QStringLiteral("size"), s.size}, {QStringLiteral("created_at"), s.createdAt},
                                   {QStringLiteral("description"), s.definition.value(QStringLiteral("description")).toString()}});
        printJson({{QStringLiteral("segments"), arr}});
        return Success;
    }
    if (list.isEmpty()) printOut(QStringLiteral("no segments yet (make some with cwb segment)\n"));
    for (const auto& s : list)
        printOut(QStringLiteral("  %1  %2 %3  %4\n").arg(padRight(s.name, 28), s.method.leftJustified(9), number(s.size).rightJustified(10),
                                                        s.definition.value(QStringLiteral("description")).toString()));
    return Success;
}

int runLookalike(const ParsedArgs& args)
{
    model::LookalikeRequest req;
    req.seedSegment = args.value(QStringLiteral("segment"));
    req.seedUser = args.value(QStringLiteral("user"));
    if (req.seedSegment.isEmpty() == req.seedUser.isEmpty()) return usageError(QStringLiteral("give the seed: --segment NAME or --user ID"));
    const auto top = integerOption(args, QStringLiteral("top"), 1000, 1, 100'000'000);
    const auto k = integerOption(args, QStringLiteral("k"), 10, 1, 10000);
    const auto maxSeeds = integerOption(args, QStringLiteral("max-seeds"), 2000, 0, 100'000'000);
    if (!top) return usageError(top.error().message);
    if (!k) return usageError(k.error().message);
    if (!maxSeeds) return usageError(maxSeeds.error().message);
    req.top = top.value();
    req.k = static_cast<int>(k.value());
    req.maxSeeds = maxSeeds.value();
    const QString mode = args.value(QStringLiteral("mode"), QStringLiteral("centroid"));
    if (mode == QLatin1String("knn")) req.mode = engine::LookalikeMode::KNearest;
    else if (mode != QLatin1String("centroid")) return usageError(QStringLiteral("--mode must be centroid or knn"));
    const QString sim = args.value(QStringLiteral("similarity"), QStringLiteral("cosine"));
    if (sim == QLatin1String("pearson")) req.similarity = engine::Similarity::Pearson;
    else if (sim != QLatin1String("cosine")) return usageError(QStringLiteral("--similarity must be cosine or pearson"));
    if (args.values.contains(QStringLiteral("features")))
        req.features = args.value(QStringLiteral("features")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (args.values.contains(QStringLiteral("scaling"))) {
        const auto s = engine::parseScaling(args.value(QStringLiteral("scaling")).toStdString());
        if (!s) return usageError(QStringLiteral("--scaling must be zscore, minmax, robust or none"));
        req.scaling = *s;
    }
    req.saveAs = args.value(QStringLiteral("save"));

    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    auto r = model::findLookalikeUsers(ws.value(), req);
    if (!r) return fail(r.error());
    if (args.has(QStringLiteral("json"))) {
        QJsonArray users;
        for (const auto& u : r->users)
            users.append(QJsonObject{{QStringLiteral("user_id"), u.userId}, {QStringLiteral("similarity"), u.similarity}});
        printJson({{req.seedUser.isEmpty() ? QStringLiteral("seed_segment") : QStringLiteral("seed_user"), r->seedSegment}, {QStringLiteral("seed_size"), r->seedSize},
                   {QStringLiteral("candidates"), r->candidates}, {QStringLiteral("mode"), mode}, {QStringLiteral("similarity"), sim},
                   {QStringLiteral("features"), QJsonArray::fromStringList(r->features)}, {QStringLiteral("seconds"), r->seconds},
                   {QStringLiteral("saved_as"), req.saveAs}, {QStringLiteral("users"), users}});
        return Success;
    }
    printOut(QStringLiteral("%1 users most like \"%2\" (%3 members) among %4 others, by %5 similarity (%6 mode) in %7 s%8\n")
                 .arg(number(static_cast<qint64>(r->users.size())), r->seedSegment, number(r->seedSize), number(r->candidates), sim, mode,
                      number(r->seconds, 2), req.saveAs.isEmpty() ? QString() : QStringLiteral("; saved as \"%1\"").arg(req.saveAs)));
    const qsizetype shown = std::min<qsizetype>(r->users.size(), 20);
    for (qsizetype i = 0; i < shown; ++i)
        printOut(QStringLiteral("  %1  %2\n").arg(padRight(r->users[i].userId, 16), number(r->users[i].similarity, 4)));
    if (r->users.size() > shown) printOut(QStringLiteral("  ... %1 more (--json for all)\n").arg(number(r->users.size() - shown)));
    return Success;
}

} // namespace

CommandSpec segmentCommand()
{
    return {QStringLiteral("segment"),
            QStringLiteral("WS --method rfm|kmeans|rule [--k K | --auto-k] [--rule EXPR] [--name N] [--json]"),
            QStringLiteral("make segments: RFM groups, k-means clusters, or a rule"),
            QStringLiteral(
                "rfm     the named RFM groups (Champions, Loyal, Potential Loyalists, New, Promising,\n"
                "        Need Attention, At Risk, Can't Lose Them, Hibernating, Lost; Prospects have not ordered)\n"
                "kmeans  clusters of similar users on scaled features (k-means++ seeding, several restarts;\n"
                "        --auto-k tries a range of k and picks the best silhouette, printing the scores)\n"
                "rule    users matching a filter over features and attributes, e.g.\n"
                "          recency_days > 90 AND (monetary >= 500 OR member_tier IN ('gold', 'platinum'))\n"
                "Segments are saved in the workspace (same name: replaced) and described against everyone."),
            {{QStringLiteral("method"), QStringLiteral("M"), QStringLiteral("rfm, kmeans or rule")},
             {QStringLiteral("k"), QStringLiteral("K"), QStringLiteral("number of clusters (default 6)")},
             {QStringLiteral("auto-k"), {}, QStringLiteral("choose k by silhouette (see --k-range, --sample)")},
             {QStringLiteral("k-range"), QStringLiteral("A-B"), QStringLiteral("the k tried by --auto-k (default 2-10)")},
             {QStringLiteral("sample"), QStringLiteral("N"), QStringLiteral("users in the silhouette sample (default 10,000)")},
             {QStringLiteral("rule"), QStringLiteral("EXPR"), QStringLiteral("the filter for --method rule")},
             {QStringLiteral("name"), QStringLiteral("N"), QStringLiteral("segment name (rule) or name prefix (kmeans)")},
             {QStringLiteral("features"), QStringLiteral("A,B,..."), QStringLiteral("k-means features (default: 12 behaviour features and category shares)")},
             {QStringLiteral("scaling"), QStringLiteral("S"), QStringLiteral("zscore (default), minmax, robust or none")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 42)")},
             {QStringLiteral("n-init"), QStringLiteral("N"), QStringLiteral("k-means restarts (default 4)")},
             {QStringLiteral("max-iter"), QStringLiteral("N"), QStringLiteral("k-means iteration limit (default 300)")},
             {QStringLiteral("algorithm"), QStringLiteral("A"), QStringLiteral("lloyd (default) or elkan")},
             {QStringLiteral("no-save"), {}, QStringLiteral("describe the segments without saving them")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runSegment};
}

CommandSpec segmentsCommand()
{
    return {QStringLiteral("segments"), QStringLiteral("WS [--delete NAME | --rename OLD=NEW | --export NAME -o FILE] [--json]"),
            QStringLiteral("list, delete, rename or export the saved segments"),
            QStringLiteral("Without an option, lists every segment with its method, size and description.\n"
                           "--export writes the members as CSV: user_id, RFM group and scores, orders, spend,\n"
                           "days since the last order and churn risk (UTF-8 with a byte-order mark for Excel)."),
            {{QStringLiteral("delete"), QStringLiteral("NAME"), QStringLiteral("delete a segment")},
             {QStringLiteral("rename"), QStringLiteral("OLD=NEW"), QStringLiteral("rename a segment")},
             {QStringLiteral("export"), QStringLiteral("NAME"), QStringLiteral("write a segment's members to the file given with -o")},
             {QStringLiteral("output"), QStringLiteral("FILE"), QStringLiteral("the CSV file --export writes"), 'o'},
             {QStringLiteral("no-bom"), {}, QStringLiteral("--export without the UTF-8 byte-order mark")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runSegments};
}

CommandSpec lookalikeCommand()
{
    return {QStringLiteral("lookalike"),
            QStringLiteral("WS (--segment NAME | --user ID) --top N [--mode centroid|knn] [--similarity cosine|pearson] [--save NAME] [--json]"),
            QStringLiteral("users outside a segment (or other than a user) who look most like its members"),
            QStringLiteral("Similarity on scaled features: to the segment's centroid, or the mean over each user's k most\n"
                           "similar members (--mode knn)."),
            {{QStringLiteral("segment"), QStringLiteral("NAME"), QStringLiteral("the seed segment")},
             {QStringLiteral("user"), QStringLiteral("ID"), QStringLiteral("or a seed user: the users most like them")},
             {QStringLiteral("top"), QStringLiteral("N"), QStringLiteral("how many lookalikes (default 1,000)")},
             {QStringLiteral("mode"), QStringLiteral("M"), QStringLiteral("centroid (default) or knn")},
             {QStringLiteral("k"), QStringLiteral("K"), QStringLiteral("neighbours averaged in knn mode (default 10)")},
             {QStringLiteral("max-seeds"), QStringLiteral("N"), QStringLiteral("knn mode: compare with a sample of N seed members (default 2,000; 0 = all)")},
             {QStringLiteral("similarity"), QStringLiteral("S"), QStringLiteral("cosine (default) or pearson")},
             {QStringLiteral("features"), QStringLiteral("A,B,..."), QStringLiteral("features compared (default as for k-means)")},
             {QStringLiteral("scaling"), QStringLiteral("S"), QStringLiteral("zscore (default), minmax, robust or none")},
             {QStringLiteral("save"), QStringLiteral("NAME"), QStringLiteral("save the lookalikes as a segment")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runLookalike};
}

} // namespace cwb::cli
