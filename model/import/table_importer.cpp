#include "import/table_importer.h"
#include "core/text.h"

#include "core/json_text.h"
#include "import/canonical_schema.h"
#include "import/column_mapping.h"
#include "import/value_parsers.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <sqlite3.h>
#include <unordered_map>

namespace cwb::model {

namespace {


QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// A column of a users file kept in users.attributes.
struct Attribute {
    int column = 0;
    std::string key;
    bool numeric = false;
    qint64 values = 0;
    qint64 textInNumeric = 0;
};

bool looksLikeCode(std::string_view s)
{
    // Leading zeros ("007", "00123") or very long digit strings are identifiers, not numbers.
    s = trimmed(s);
    if (s.size() > 1 && s[0] == '0' && s[1] != '.' && s[1] != ',') return true;
    std::size_t digits = 0;
    for (char c : s) digits += c >= '0' && c <= '9';
    return digits > 15;
}

class TableImporter final : public RowHandler {
public:
    explicit TableImporter(const TableSpec& spec) : spec_(spec) {}

    QString target() const override { return qs(spec_.name); }

    Status begin(ImportContext& ctx) override
    {
        mapping_ = suggestMapping(spec_, ctx.header());
        if (Status s = applyOverrides(mapping_, spec_, ctx.header(), ctx.options.mapping, ctx.options.skipColumns)) return s;
        if (Status s = checkRequiredFields(mapping_, spec_, ctx.header())) return s;
        describeColumns(ctx);
        table_ = std::string(spec_.name);
        buildStatements(ctx);
        loadReferences(ctx);
        ctx.prepareBulkLoad(table_, ctx.estimatedRecords());
        return std::nullopt;
    }

    void row(const CsvRecord& rec, ImportContext& ctx) override
    {
        rec_ = &rec;
        ctx_ = &ctx;
        key_.clear();
        amountNegative_ = false;
        cancelled_ = false;
        std::optional<std::int64_t> existingUser;
        bool guest = false;

        for (std::size_t f = 0; f < spec_.fields.size(); ++f) {
            const int col = mapping_.fieldColumn[f];
            const int param = paramOf_[f];
            if (col < 0 || param < 0) continue;
            const FieldSpec& field = spec_.fields[f];
            const std::string_view raw = (*rec_)[static_cast<std::size_t>(col)];
            const std::string_view v = trimmed(raw);
            if (isKey_[f]) {
                key_.append(v);
                key_.push_back('\x1f');
            }
            if (v.empty()) {
                if (field.type == FieldType::UserRef && spec_.name == "orders") {
                    guest = true;   // an order without a customer: kept as a guest order
                    insert_.bindNull(param);
                    continue;
                }
                if (field.required) return rejectField(col, Text::tr("missing value"), Text::tr("is empty, but %1 is required").arg(qs(field.name)));
                insert_.bindNull(param);
                continue;
            }
            if (!bindField(field, col, param, v, existingUser)) return;
        }
        if (guest) ++guestOrders_;

        // Rules across fields.
        if (amountNegative_ && !cancelled_) {
            const int col = mapping_.column(spec_, "amount");
            return rejectField(col, Text::tr("negative amount"),
                               Text::tr("is negative, but the order is not cancelled (map a status column, or import returns as cancelled orders)"));
        }
        if (lineParam_ > 0) {   // order_items without a line number: count lines per order in this file
            const std::string order(trimmed((*rec_)[static_cast<std::size_t>(mapping_.column(spec_, "order_id"))]));
            const std::int64_t line = ++nextLine_[order];
            insert_.bind(lineParam_, line);
            key_ += std::to_string(line);
            setKeyPart(*spec_.field("line_no"), line);
        }
        if (!spec_.keyFields.empty()) {
            const auto [it, fresh] = seen_.try_emplace(key_, rec.line);
            if (!fresh)
                return rejectRow(Text::tr("duplicate key"), Text::tr("line %1: the same %2 as line %3; the first one was kept")
                                                         .arg(rec.line)
                                                         .arg(keyDescription())
                                                         .arg(it->second));
        }
        if (attributesParam_ > 0) {
            buildAttributes();
            insert_.bind(attributesParam_, std::string_view(json_), false);
        }
        if (createdAtParam_ > 0) insert_.bind(createdAtParam_, now_);

        bool existed = false;
        if (spec_.name == "users") {
            existed = existingUser.has_value();
        } else if (exists_.handle()) {
            for (int i = 0; i < static_cast<int>(existsParams_.size()); ++i)
                exists_.bind(i + 1, boundKey_[static_cast<std::size_t>(i)]);
            existed = exists_.step();
            exists_.reset();
        }
        try {
            insert_.run();
        } catch (const SqlError& e) {
            if (e.code() != SQLITE_CONSTRAINT) throw;
            return rejectConstraint(e);
        }
        if (spec_.name == "users" && !existed) {
            const std::string_view id = trimmed((*rec_)[static_cast<std::size_t>(mapping_.column(spec_, "user_id"))]);
            ctx.users().add(id, ctx.db.lastInsertRowId());
        }
        ++(existed ? updated_ : inserted_);
        ctx.accepted();
    }

    Status finish(ImportContext& ctx) override
    {
        if (inserted_ > 0) ctx.countInserted(target(), inserted_);
        if (updated_ > 0) ctx.countUpdated(target(), updated_);
        if (guestOrders_ > 0)
            ctx.note(Text::tr("%L1 orders have no user id; they were imported as guest orders (they count in sales, not in any "
                        "customer's history)").arg(guestOrders_));
        for (Attribute& a : attributes_) {
            ctx.report.attributes.push_back({qs(a.key), a.numeric, a.values});
            if (a.textInNumeric > 0)
                ctx.note(Text::tr("attribute \"%1\": %L2 values were not numbers and were kept as text").arg(qs(a.key)).arg(a.textInNumeric));
        }
        if (createdSegments_ > 0) ctx.countInserted(QStringLiteral("segments"), createdSegments_);
        return std::nullopt;
    }

    QJsonObject describeMapping() const override { return mappingJson_; }

    // Users, campaigns and segments are looked up in memory; order lines and
    // responses point at orders and exposures, which are not.
    bool resolvesAllReferences() const override { return spec_.name != "order_items" && spec_.name != "responses"; }

private:
    // --- set-up ---------------------------------------------------------------

    void describeColumns(ImportContext& ctx)
    {
        const QStringList& header = ctx.header();
        for (std::size_t f = 0; f < spec_.fields.size(); ++f) {
            const int c = mapping_.fieldColumn[f];
            if (c < 0) continue;
            ctx.report.mapping << QStringLiteral("%1 \u2190 %2").arg(qs(spec_.fields[f].name), header[c]);
            mappingJson_.insert(qs(spec_.fields[f].name), header[c]);
        }
        for (int c : mapping_.ignoredColumns) ctx.report.ignoredColumns << header[c];
        // Two columns of one name: say which one fed the field, and where the other went.
        QHash<QString, int> firstOfName;
        for (int c = 0; c < header.size(); ++c) {
            const QString name = header[c].trimmed().toCaseFolded();
            const auto it = firstOfName.constFind(name);
            if (it == firstOfName.constEnd()) {
                firstOfName.insert(name, c);
                continue;
            }
            const bool mapped = std::find(mapping_.fieldColumn.begin(), mapping_.fieldColumn.end(), c) != mapping_.fieldColumn.end();
            const bool kept = std::find(mapping_.attributeColumns.begin(), mapping_.attributeColumns.end(), c) != mapping_.attributeColumns.end();
            ctx.note(Text::tr("columns %1 and %2 are both named \"%3\": column %2 was %4")
                         .arg(it.value() + 1)
                         .arg(c + 1)
                         .arg(header[c])
                         .arg(mapped ? Text::tr("mapped as the mapping shows") : kept ? Text::tr("kept as an attribute") : Text::tr("ignored")));
        }
        QJsonArray attrs;
        for (int c : mapping_.attributeColumns) {
            Attribute a;
            a.column = c;
            a.key = header[c].toStdString();
            // Typed from the sampled rows: numeric when every sampled value is a number.
            bool any = false, allNumbers = true;
            for (const QStringList& row : ctx.inspection.rows) {
                if (c >= row.size()) continue;
                const std::string v = row[c].toStdString();
                if (trimmed(v).empty()) continue;
                any = true;
                if (looksLikeCode(v) || !parseNumber(v, ctx.numbers)) {
                    allNumbers = false;
                    break;
                }
            }
            a.numeric = any && allNumbers;
            attributes_.push_back(a);
            attrs.append(header[c]);
        }
        if (!attrs.isEmpty()) mappingJson_.insert(QStringLiteral("attributes"), attrs);
    }

    void buildStatements(ImportContext& ctx)
    {
        std::string columns, values, updates, conflict;
        int param = 0;
        paramOf_.assign(spec_.fields.size(), -1);
        isKey_.assign(spec_.fields.size(), false);
        auto add = [&](std::string_view column, std::string_view whenEmpty = {}) {
            if (!columns.empty()) {
                columns += ", ";
                values += ", ";
            }
            columns += column;
            values += whenEmpty.empty() ? std::string("?") : "COALESCE(?, " + std::string(whenEmpty) + ")";
            return ++param;
        };
        auto isKeyField = [&](std::string_view name) {
            return std::find(spec_.keyFields.begin(), spec_.keyFields.end(), name) != spec_.keyFields.end();
        };
        for (std::size_t f = 0; f < spec_.fields.size(); ++f) {
            const FieldSpec& field = spec_.fields[f];
            isKey_[f] = isKeyField(field.name);
            if (mapping_.fieldColumn[f] < 0) continue;
            paramOf_[f] = add(field.sqlColumn(), storedWhenEmpty(spec_, field));
            if (!isKey_[f]) updates += std::string(updates.empty() ? "" : ", ") + std::string(field.sqlColumn()) + " = excluded." + std::string(field.sqlColumn());
        }
        if (spec_.name == "order_items" && paramOf_[static_cast<std::size_t>(spec_.indexOf("line_no"))] < 0) lineParam_ = add("line_no");
        if (spec_.name == "campaigns" && paramOf_[static_cast<std::size_t>(spec_.indexOf("created_at"))] < 0) {
            createdAtParam_ = add("created_at");
            now_ = QDateTime::currentSecsSinceEpoch();
        }
        if (!attributes_.empty()) {
            attributesParam_ = add("attributes");
            updates += std::string(updates.empty() ? "" : ", ") + "attributes = json_patch(users.attributes, excluded.attributes)";
        }
        for (std::string_view k : spec_.keyFields) {
            conflict += std::string(conflict.empty() ? "" : ", ") + std::string(spec_.field(k)->sqlColumn());
            existsParams_.push_back(std::string(spec_.field(k)->sqlColumn()));
        }
        // Column names come from the fixed schema above, never from the file.
        std::string sql = "INSERT INTO " + table_ + " (" + columns + ") VALUES (" + values + ")";
        if (!conflict.empty()) sql += " ON CONFLICT (" + conflict + ") DO " + (updates.empty() ? "NOTHING" : "UPDATE SET " + updates);
        insert_ = ctx.db.prepare(sql);

        const bool empty = ctx.db.queryInt("SELECT count(*) FROM " + table_) == 0;
        if (!empty && !conflict.empty() && spec_.name != "users") {
            std::string where;
            for (const std::string& c : existsParams_) where += std::string(where.empty() ? "" : " AND ") + c + " = ?";
            exists_ = ctx.db.prepare("SELECT 1 FROM " + table_ + " WHERE " + where);
        }
        boundKey_.assign(existsParams_.size(), {});
    }

    void loadReferences(ImportContext& ctx)
    {
        for (const FieldSpec& f : spec_.fields) {
            if (f.type == FieldType::CampaignRef) {
                Statement st = ctx.db.prepare("SELECT campaign_id, name FROM campaigns");
                while (st.step()) campaigns_.insert(st.text(1), st.int64(0));
            } else if (f.type == FieldType::SegmentRef) {
                Statement st = ctx.db.prepare("SELECT segment_id, name FROM segments");
                while (st.step()) segments_.insert(st.text(1), st.int64(0));
                createSegment_ = ctx.db.prepare(
                    "INSERT INTO segments (name, method, definition, created_at) VALUES (?, 'imported', ?, ?)");
                segmentSource_ = QJsonDocument(QJsonObject{{QStringLiteral("source"), QFileInfo(ctx.report.file).fileName()}})
                                     .toJson(QJsonDocument::Compact)
                                     .toStdString();
            }
        }
    }

    // --- one field --------------------------------------------------------------

    QString where(int col) const
    {
        return Text::tr("line %1, column %2 (%3)").arg(rec_->line).arg(col + 1).arg(ctx_->columnName(col));
    }

    void rejectField(int col, const QString& reason, const QString& what)
    {
        const std::string_view v = col >= 0 ? (*rec_)[static_cast<std::size_t>(col)] : std::string_view();
        ctx_->reject(*rec_, col, reason, where(col) + QStringLiteral(": \"") + qs(v) + QStringLiteral("\" ") + what);
    }

    void rejectRow(const QString& reason, const QString& message) { ctx_->reject(*rec_, -1, reason, message); }

    // Invalid optional values are cleared (row kept); invalid required ones reject the row.
    bool invalid(const FieldSpec& field, int col, int param, const QString& reason, const QString& what)
    {
        if (field.required) {
            rejectField(col, reason, what);
            return false;
        }
        const std::string_view v = (*rec_)[static_cast<std::size_t>(col)];
        ctx_->clearValue(*rec_, col, where(col) + QStringLiteral(": \"") + qs(v) + QStringLiteral("\" ") + what);
        insert_.bindNull(param);
        return true;
    }

    bool checkRange(const FieldSpec& field, int col, int param, double value)
    {
        if (value >= field.min && value <= field.max) return true;
        return invalid(field, col, param, Text::tr("out of range"), Text::tr("is out of range: expected %1").arg(describeExpected(field)));
    }

    bool bindField(const FieldSpec& field, int col, int param, std::string_view v, std::optional<std::int64_t>& existingUser)
    {
        ParseFailure why = ParseFailure::None;
        switch (field.type) {
        case FieldType::Text:
            if (v.size() > ImportContext::kMaxTextBytes)
                return invalid(field, col, param, Text::tr("value too long"), Text::tr("is longer than 64 KB"));
            if (field.name == "user_id" && spec_.name == "users") existingUser = ctx_->users().find(v);
            insert_.bind(param, v, false);
            setKeyPart(field, v);
            return true;
        case FieldType::Integer: {
            const auto x = parseInteger(v, ctx_->numbers, &why);
            if (!x) return invalid(field, col, param, Text::tr("not a number"), describe(why));
            if (!checkRange(field, col, param, double(*x))) return false;
            if (double(*x) < field.min || double(*x) > field.max) return true;   // cleared
            insert_.bind(param, *x);
            setKeyPart(field, v);
            return true;
        }
        case FieldType::Real:
        case FieldType::Money: {
            const auto x = parseNumber(v, ctx_->numbers, &why);
            if (!x) return invalid(field, col, param, Text::tr("not a number"), describe(why));
            if (!checkRange(field, col, param, *x)) return false;
            if (*x < field.min || *x > field.max) return true;
            if (field.name == "amount" && *x < 0) amountNegative_ = true;
            insert_.bind(param, *x);
            return true;
        }
        case FieldType::Timestamp: {
            const auto t = parseTimestamp(v, ctx_->dates, &why);
            if (!t) return invalid(field, col, param, Text::tr("not a date"), describe(why));
            if (*t < ctx_->earliestTime)
                return invalid(field, col, param, Text::tr("date out of range"), Text::tr("is before 1990; check the date format"));
            if (*t > ctx_->latestTime)
                return invalid(field, col, param, Text::tr("date out of range"), Text::tr("is in the future"));
            insert_.bind(param, *t);
            return true;
        }
        case FieldType::Bool: {
            const auto b = parseBool(v);
            if (!b) return invalid(field, col, param, Text::tr("not allowed"), Text::tr("is not %1").arg(describeExpected(field)));
            insert_.bind(param, std::int64_t(*b));
            return true;
        }
        case FieldType::Gender:
        case FieldType::EventType:
        case FieldType::Group:
        case FieldType::CampaignType:
        case FieldType::CampaignStatus:
        case FieldType::OrderStatus: {
            std::optional<std::string_view> w;
            switch (field.type) {
            case FieldType::Gender: w = parseGender(v); break;
            case FieldType::EventType: w = parseEventType(v); break;
            case FieldType::Group: w = parseGroup(v); break;
            case FieldType::CampaignType: w = parseCampaignType(v); break;
            case FieldType::CampaignStatus: w = parseCampaignStatus(v); break;
            default: w = parseOrderStatus(v); break;
            }
            if (!w) return invalid(field, col, param, Text::tr("not allowed"), Text::tr("is not %1").arg(describeExpected(field)));
            if (field.type == FieldType::OrderStatus) cancelled_ = *w == "cancelled";
            insert_.bind(param, *w, false);
            return true;
        }
        case FieldType::Json: {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(v.data(), static_cast<qsizetype>(v.size())), &error);
            if (!doc.isObject())
                return invalid(field, col, param, Text::tr("not JSON"), Text::tr("is not a JSON object (%1)").arg(error.errorString()));
            insert_.bind(param, v, false);
            return true;
        }
        case FieldType::UserRef: {
            std::optional<std::int64_t> uid = ctx_->users().find(v);
            if (!uid) {
                if (!ctx_->options.createMissingUsers) {
                    rejectField(col, Text::tr("unknown user"),
                                Text::tr("is not a user in the workspace (import the users file first, or use --create-users)"));
                    return false;
                }
                uid = ctx_->createUser(v);
            }
            insert_.bind(param, *uid);
            setKeyPart(field, *uid);
            return true;
        }
        case FieldType::CampaignRef: {
            const QString name = qs(v);
            auto it = campaigns_.find(name);
            if (it == campaigns_.end()) {
                bool numeric = false;
                const qint64 id = name.toLongLong(&numeric);
                for (auto i = campaigns_.begin(); numeric && i != campaigns_.end(); ++i)
                    if (i.value() == id) it = i;
            }
            if (it == campaigns_.end()) {
                rejectField(col, Text::tr("unknown campaign"), Text::tr("is not a campaign in the workspace (import the campaigns file first)"));
                return false;
            }
            insert_.bind(param, it.value());
            setKeyPart(field, it.value());
            return true;
        }
        case FieldType::SegmentRef: {
            const QString name = qs(v);
            auto it = segments_.find(name);
            if (it == segments_.end()) {
                createSegment_.bind(1, v, false).bind(2, std::string_view(segmentSource_), false).bind(3, QDateTime::currentSecsSinceEpoch());
                createSegment_.run();
                it = segments_.insert(name, ctx_->db.lastInsertRowId());
                ++createdSegments_;
            }
            insert_.bind(param, it.value());
            setKeyPart(field, it.value());
            return true;
        }
        }
        return true;
    }

    void setKeyPart(const FieldSpec& field, std::string_view v)
    {
        for (std::size_t i = 0; i < existsParams_.size(); ++i)
            if (existsParams_[i] == field.sqlColumn()) boundKey_[i] = std::string(v);
    }
    void setKeyPart(const FieldSpec& field, std::int64_t v)
    {
        for (std::size_t i = 0; i < existsParams_.size(); ++i)
            if (existsParams_[i] == field.sqlColumn()) boundKey_[i] = std::to_string(v);
    }

    QString keyDescription() const
    {
        QStringList parts;
        for (std::string_view k : spec_.keyFields) parts << qs(k);
        return parts.join(QStringLiteral(" + "));
    }

    void rejectConstraint(const SqlError& e)
    {
        const int ext = e.extendedCode();
        if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) {
            if (spec_.name == "order_items")
                return rejectRow(Text::tr("unknown order"), Text::tr("line %1: the order is not in the workspace (import the orders first)").arg(rec_->line));
            if (spec_.name == "responses")
                return rejectRow(Text::tr("no matching exposure"),
                                 Text::tr("line %1: this user was not exposed to this campaign (import the exposures first)").arg(rec_->line));
            return rejectRow(Text::tr("unknown reference"), Text::tr("line %1: refers to something not in the workspace").arg(rec_->line));
        }
        rejectRow(Text::tr("not allowed"), Text::tr("line %1: the workspace refused the row (%2)").arg(rec_->line).arg(QString::fromUtf8(e.what())));
    }

    void buildAttributes()
    {
        json_.assign("{");
        bool first = true;
        for (Attribute& a : attributes_) {
            const std::string_view v = trimmed((*rec_)[static_cast<std::size_t>(a.column)]);
            if (v.empty()) continue;
            if (!first) json_.push_back(',');
            first = false;
            appendJsonString(json_, a.key);
            json_.push_back(':');
            ++a.values;
            std::optional<double> x;
            if (a.numeric) x = parseNumber(v, ctx_->numbers);
            if (x) {
                appendJsonNumber(json_, *x);
            } else {
                if (a.numeric) ++a.textInNumeric;
                appendJsonString(json_, v);
            }
        }
        json_.push_back('}');
    }

    const TableSpec& spec_;
    std::string table_;
    ColumnMapping mapping_;
    QJsonObject mappingJson_;
    std::vector<int> paramOf_;
    std::vector<bool> isKey_;
    Statement insert_, exists_, createSegment_;
    std::vector<std::string> existsParams_;
    std::vector<std::string> boundKey_;
    int lineParam_ = 0, attributesParam_ = 0, createdAtParam_ = 0;
    qint64 now_ = 0;
    std::vector<Attribute> attributes_;
    std::string json_, key_, segmentSource_;
    std::unordered_map<std::string, qint64> seen_;
    std::unordered_map<std::string, int> nextLine_;
    QHash<QString, qint64> campaigns_, segments_;
    qint64 guestOrders_ = 0, createdSegments_ = 0, inserted_ = 0, updated_ = 0;
    bool amountNegative_ = false, cancelled_ = false;
    const CsvRecord* rec_ = nullptr;
    ImportContext* ctx_ = nullptr;
};

} // namespace

std::unique_ptr<RowHandler> makeTableImporter(const TableSpec& table) { return std::make_unique<TableImporter>(table); }

} // namespace cwb::model
