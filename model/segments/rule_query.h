#pragma once
// Evaluates a segment rule (engine/segment/rule.h) against a workspace.
//
// Fields: the user features (recency_days, monetary, rfm_group, churn_risk,
// ...), the users' own columns (age, gender, region, city, occupation,
// member_tier, signup_date, user_id) and the shop's attributes, by name or
// as attributes.<name>. The rule becomes SQL made only of known column
// expressions; every value the user wrote is a bound parameter. Text
// comparisons ignore case. Errors point at the offending token.

#include "core/error.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb::model {

class Database;

// The uids the rule selects, in increasing order. Errors carry the rule's
// 1-based character column in `column`.
Result<std::vector<qint64>> evaluateRule(Database& db, const QString& rule);

// The rule's syntax error, if it has one, without looking at the workspace
// (fast enough to check as the user types): the message shows the rule
// with the offending token marked, and `column` is its 1-based character.
std::optional<Error> ruleSyntaxError(const QString& rule);

// The fields a rule may use here (features, user columns, attributes).
QStringList ruleFields(Database& db);

} // namespace cwb::model
