#pragma once
// What each importable table expects: its fields, their types and ranges,
// which must be mapped, and the header names (English and Chinese) that
// suggest them.

#include <QString>
#include <QStringList>

#include <string_view>
#include <vector>

namespace cwb::model {

enum class FieldType {
    Text,
    Integer,
    Real,
    Money,
    Timestamp,
    Bool,
    Gender,
    EventType,
    Group,
    CampaignType,
    CampaignStatus,
    OrderStatus,
    Json,
    UserRef,       // a users.user_id, stored as its uid
    CampaignRef,   // a campaign name (or id), stored as campaign_id
    SegmentRef,    // a segment name, created when missing
};

struct FieldSpec {
    std::string_view name;            // canonical field name, as used in --map
    FieldType type = FieldType::Text;
    bool required = false;            // must be mapped for the import to start
    double min = -1e300, max = 1e300; // range for numbers
    std::vector<std::string_view> synonyms;  // header names, compared after normalizedWord()
    std::string_view column;          // the SQL column it is stored in (same as name if empty)

    std::string_view sqlColumn() const { return column.empty() ? name : column; }
    bool isNumeric() const { return type == FieldType::Integer || type == FieldType::Real || type == FieldType::Money; }
};

struct TableSpec {
    std::string_view name;
    std::vector<FieldSpec> fields;
    std::vector<std::string_view> keyFields;   // within-file duplicates of these are rejected
    bool keepsAttributes = false;              // unmapped columns go to users.attributes

    const FieldSpec* field(std::string_view name) const;
    int indexOf(std::string_view name) const;
};

// What an empty or cleared value of a field stores: an SQL literal, the column's default where
// the column is NOT NULL ("'{}'" for a campaign's spec); empty = NULL.
std::string_view storedWhenEmpty(const TableSpec& table, const FieldSpec& field);

// The tables `cwb import --table` accepts (models are not imported: they are
// trained in the workspace).
const std::vector<TableSpec>& importableTables();
const TableSpec* findTable(const QString& name);
QStringList importableTableNames();

// Words for messages ("a date", "a number between 1 and 120", ...).
QString describeExpected(const FieldSpec& field);

// Earliest and latest plausible times of shop activity, for range checks.
std::int64_t earliestPlausibleTime();           // 1990-01-01
std::int64_t latestPlausibleTime();             // now + 1 day

} // namespace cwb::model
