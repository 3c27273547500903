#pragma once
// Everything a campaign report says, gathered from the workspace in one go:
// the workspace and its data period, each campaign's spec and target
// segments, the forecast of its spec (campaign preview, with the models it
// used and their test metrics), and for a campaign that ran, its read-out.
// What cannot be worked out for a campaign (a spec of a past campaign that
// is not an offer, no control group ...) is kept as a sentence for the
// report to print instead of failing the whole report.
//
// The renderers (ui/report) only format what is here; the same figures are
// what `cwb preview --json` and `cwb readout --json` print.
//
// The target list (CSV) is the users each campaign reaches, best first, each
// with the group it is assigned to (a seeded random control share), the
// offer, and the predictions; user ids can be replaced by a salted
// pseudonym (HMAC-SHA-256 of the id, the first 16 hex digits: stable for
// one salt, unrelated across salts, not reversible without the salt).

#include "campaigns/campaign_preview.h"
#include "campaigns/campaign_readout.h"
#include "campaigns/campaign_store.h"
#include "core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cwb::model {

class Workspace;

struct ReportSegment {
    QString name;
    qint64 users = 0;
    bool excluded = false;
};

struct ReportModel {
    qint64 id = 0;
    QString name, description;
    qint64 trainedAt = 0;
    bool uplift = false;
    QJsonObject metrics;   // the test metrics saved with the model (auc, calibration, uplift.qini, ...)
};

struct CampaignReportData {
    CampaignInfo campaign;
    std::optional<engine::CampaignSpec> spec;
    QString specText;                     // the spec in plain words
    QString specProblem;                  // why the campaign has no readable offer spec
    QList<ReportSegment> segments;        // included, then excluded
    qint64 targetUsers = 0;               // users the segments select
    std::optional<PreviewSession> session;
    std::optional<CampaignPreview> preview;
    QString previewProblem;               // why there is no forecast
    std::optional<ReportModel> model, redemptionModel;
    std::optional<CampaignReadout> readout;
    QString readoutProblem;               // why a campaign with exposures has no read-out
};

struct ReportWorkspace {
    QString name, path;
    qint64 users = 0, orders = 0, events = 0;
    qint64 firstTs = 0, lastTs = 0;      // the data period (orders and events); 0 without any
    QString currency;                    // ISO 4217 code from the workspace, or empty
};

struct ReportData {
    ReportWorkspace workspace;
    qint64 generatedAt = 0;              // Unix seconds
    QList<CampaignReportData> campaigns;
};

struct ReportOptions {
    PreviewOptions preview;
    ReadoutOptions readout;
    QString currency;                    // overrides the workspace's
};

// Campaigns by id or name, in the order given. Fails only on a campaign that does not exist
// or when cancelled; progress(what, fraction) returns false to cancel.
Result<ReportData> gatherReport(Workspace& workspace, const QStringList& campaigns, const ReportOptions& options = {},
                                const AudienceProgress& progress = {});

// The symbol to print before amounts ("¥", "$", "£", "€"), or the code itself, or empty.
QString currencySymbol(const QString& isoCode);

struct TargetListOptions {
    bool byteOrderMark = true;   // for Excel
    QString salt;                // non-empty: ids replaced by their salted pseudonym
    quint64 seed = 1;            // of the control-group assignment
};

// The salted pseudonym of a user id (16 lower-case hex digits).
QString pseudonymizeUserId(const QString& userId, const QString& salt);

// The users each campaign with a forecast reaches, best first: campaign, user_id (or
// user_pseudonym), rank, group (treatment / control), offer (its terms; empty for the control
// group), segment (the first of the campaign's segments the user is in), uptake, buy_with_offer, buy_without_offer, uplift, expected_incremental_profit. A
// campaign that ran without offer terms (an imported e-mail test) lists the users it went to,
// with their group and arm, and no rank or predictions. Cells are safe against formula
// injection; written to a temporary file renamed into place. Returns the rows written.
Result<qint64> exportTargetList(Database& db, const QList<CampaignReportData>& campaigns, const QString& path, const TargetListOptions& options = {});
// The list's column names, and its first `limit` rows as the file has them (a preview).
QStringList targetListHeader(const TargetListOptions& options);
Result<QList<QStringList>> targetListRows(Database& db, const QList<CampaignReportData>& campaigns, const TargetListOptions& options, qsizetype limit);

} // namespace cwb::model
