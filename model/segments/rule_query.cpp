#include "segments/rule_query.h"

#include "core/text.h"
#include "features/feature_catalog.h"
#include "import/value_parsers.h"
#include "segment/rule.h"
#include "sql/database.h"
#include "sql/statement.h"

#include <variant>

namespace cwb::model {

namespace {

using engine::RuleNode;

struct Field {
    std::string expr;         // SQL made of known names only
    enum class Kind { Number, Date, Text, Attribute } kind = Kind::Number;
    std::string jsonPath;     // attributes: bound as the first parameter of the expression
};

using Param = std::variant<double, std::string>;

const char* const kUserText[] = {"user_id", "gender", "region", "city", "occupation", "member_tier"};
const char* const kFeatureText[] = {"rfm_group"};
const char* const kDates[] = {"signup_date", "first_order_ts", "last_order_ts"};

QStringList attributeKeys(Database& db)
{
    QStringList keys;
    // A sample of users is enough to know which attributes the shop keeps.
    Statement st = db.prepare("SELECT DISTINCT j.key FROM (SELECT attributes FROM users LIMIT 5000) AS u, json_each(u.attributes) AS j "
                              "ORDER BY j.key");
    while (st.step()) keys << st.text(0);
    return keys;
}

std::optional<Field> resolve(const std::string& name, const QStringList& attributes)
{
    for (const char* t : kUserText)
        if (name == t) return Field{"u." + name, Field::Kind::Text, {}};
    if (name == "age") return Field{"u.age", Field::Kind::Number, {}};
    if (name == "signup_date") return Field{"u.signup_date", Field::Kind::Date, {}};
    for (const char* t : kFeatureText)
        if (name == t) return Field{"f." + name, Field::Kind::Text, {}};
    if (const FeatureDef* f = findFeature(QString::fromStdString(name))) {
        bool date = false;
        for (const char* d : kDates) date = date || name == d;
        return Field{"f." + std::string(f->name), date ? Field::Kind::Date : Field::Kind::Number, {}};
    }
    if (name == "first_order_ts" || name == "last_order_ts") return Field{"f." + name, Field::Kind::Date, {}};
    std::string key = name;
    if (key.rfind("attributes.", 0) == 0) key = key.substr(11);
    else if (key.rfind("attr.", 0) == 0) key = key.substr(5);
    if (attributes.contains(QString::fromStdString(key)) && key.find('"') == std::string::npos)
        return Field{"json_extract(u.attributes, ?)", Field::Kind::Attribute, "$.\"" + key + "\""};
    return std::nullopt;
}

class Builder {
public:
    Builder(const QString& rule, const QStringList& attributes) : text_(rule.toStdString()), attributes_(attributes) {}

    std::optional<Error> build(const RuleNode& n, std::string& sql)
    {
        switch (n.kind) {
        case RuleNode::Kind::And:
        case RuleNode::Kind::Or: {
            sql += "(";
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                if (i) sql += n.kind == RuleNode::Kind::And ? " AND " : " OR ";
                if (auto e = build(n.children[i], sql)) return e;
            }
            sql += ")";
            return std::nullopt;
        }
        case RuleNode::Kind::Not:
            sql += "NOT (";
            if (auto e = build(n.children[0], sql)) return e;
            sql += ")";
            return std::nullopt;
        default: break;
        }
        const std::optional<Field> f = resolve(n.field, attributes_);
        if (!f) return error(n, Text::tr("unknown field \"%1\"").arg(QString::fromStdString(n.field)));
        auto expr = [&] {
            if (f->kind == Field::Kind::Attribute) params.emplace_back(f->jsonPath);
            return f->kind == Field::Kind::Text ? "lower(" + f->expr + ")" : f->expr;
        };
        auto value = [&](const engine::RuleValue& v) -> std::optional<Error> {
            switch (f->kind) {
            case Field::Kind::Number:
                if (v.isText)
                    return error(n, Text::tr("%1 is a number: compare it with a number, not with text in quotes")
                                        .arg(QString::fromStdString(n.field)));
                params.emplace_back(v.number);
                sql += "?";
                return std::nullopt;
            case Field::Kind::Date: {
                if (!v.isText) {
                    params.emplace_back(v.number);
                    sql += "?";
                    return std::nullopt;
                }
                const auto t = parseTimestamp(v.text, DateOrder::MonthFirst);
                if (!t) return error(n, Text::tr("\"%1\" is not a date").arg(QString::fromStdString(v.text)));
                params.emplace_back(double(*t));
                sql += "?";
                return std::nullopt;
            }
            case Field::Kind::Text:
                params.emplace_back(v.text);   // a number compared with text: as written
                sql += "lower(?)";
                return std::nullopt;
            case Field::Kind::Attribute:
                if (v.isText) params.emplace_back(v.text);
                else params.emplace_back(v.number);
                sql += "?";
                return std::nullopt;
            }
            return std::nullopt;
        };
        switch (n.kind) {
        case RuleNode::Kind::Compare: {
            static const char* ops[] = {" = ", " <> ", " < ", " <= ", " > ", " >= "};
            sql += '(';
            sql += expr();   // binds an attribute's path first, then the value below
            sql += ops[static_cast<int>(n.op)];
            if (auto e = value(n.values[0])) return e;
            sql += ")";
            return std::nullopt;
        }
        case RuleNode::Kind::In: {
            sql += '(';
            sql += expr();
            sql += n.negated ? " NOT IN (" : " IN (";
            for (std::size_t i = 0; i < n.values.size(); ++i) {
                if (i) sql += ", ";
                if (auto e = value(n.values[i])) return e;
            }
            sql += "))";
            return std::nullopt;
        }
        case RuleNode::Kind::Between: {
            sql += '(';
            sql += expr();
            sql += n.negated ? " NOT BETWEEN " : " BETWEEN ";
            if (auto e = value(n.values[0])) return e;
            sql += " AND ";
            if (auto e = value(n.values[1])) return e;
            sql += ")";
            return std::nullopt;
        }
        case RuleNode::Kind::IsNull:
            sql += '(';
            sql += expr();
            sql += n.negated ? " IS NOT NULL)" : " IS NULL)";
            return std::nullopt;
        default: return std::nullopt;
        }
    }

    std::vector<Param> params;

private:
    Error error(const RuleNode& n, const QString& what) const
    {
        const std::size_t col = engine::characterColumn(text_, n.fieldPosition);
        Error e = makeError(Text::tr("rule, column %1: %2\n  %3\n  %4").arg(col).arg(what, QString::fromStdString(text_),
                                                                             QString(static_cast<qsizetype>(col - 1), QLatin1Char(' ')) + QLatin1Char('^')));
        e.column = static_cast<int>(col);
        return e;
    }

    std::string text_;
    QStringList attributes_;
};

QString describeSyntaxError(const engine::RuleError& e)
{
    using C = engine::RuleError::Code;
    const QString found = QString::fromStdString(e.found), expected = QString::fromStdString(e.expected);
    switch (e.code) {
    case C::Empty: return Text::tr("the rule is empty");
    case C::UnexpectedEnd: return Text::tr("the rule ends too early: expected %1").arg(expected);
    case C::UnexpectedToken: return Text::tr("unexpected \"%1\": expected %2").arg(found, expected);
    case C::UnterminatedText: return Text::tr("the text starting here has no closing quote");
    case C::UnterminatedField: return Text::tr("the field name starting here has no closing backtick");
    case C::UnknownCharacter: return Text::tr("\"%1\" has no meaning in a rule").arg(found);
    case C::TooDeep: return Text::tr("parentheses and NOTs nest more than %1 deep here; write the rule more simply").arg(engine::kMaxRuleDepth);
    }
    return {};
}

} // namespace

QStringList ruleFields(Database& db)
{
    QStringList out;
    for (const FeatureDef& f : featureCatalog()) out << QString::fromLatin1(f.name);
    out << QStringLiteral("rfm_group") << QStringLiteral("first_order_ts") << QStringLiteral("last_order_ts") << QStringLiteral("age");
    for (const char* t : kUserText) out << QString::fromLatin1(t);
    out << QStringLiteral("signup_date");
    for (const QString& a : attributeKeys(db)) out << QStringLiteral("attributes.") + a;
    return out;
}

namespace {
// The rule with a caret under the offending token, and its column.
Error syntaxError(const std::string& text, const QString& rule, const engine::RuleError& e)
{
    const std::size_t col = engine::characterColumn(text, e.position);
    const qsizetype width = std::max<qsizetype>(1, QString::fromStdString(e.found).size());
    Error err = makeError(Text::tr("rule, column %1: %2\n  %3\n  %4")
                              .arg(col)
                              .arg(describeSyntaxError(e), rule,
                                   QString(static_cast<qsizetype>(col - 1), QLatin1Char(' ')) + QString(width, QLatin1Char('^'))));
    err.column = static_cast<int>(col);
    return err;
}
} // namespace

std::optional<Error> ruleSyntaxError(const QString& rule)
{
    const std::string text = rule.toStdString();
    const auto parsed = engine::parseRule(text);
    if (const auto* e = std::get_if<engine::RuleError>(&parsed)) return syntaxError(text, rule, *e);
    return std::nullopt;
}

Result<std::vector<qint64>> evaluateRule(Database& db, const QString& rule)
{
    const std::string text = rule.toStdString();
    const auto parsed = engine::parseRule(text);
    if (const auto* e = std::get_if<engine::RuleError>(&parsed)) return syntaxError(text, rule, *e);
    Builder b(rule, attributeKeys(db));
    std::string where;
    if (auto e = b.build(std::get<RuleNode>(parsed), where)) {
        e->message += QLatin1Char('\n') + Text::tr("fields: %1").arg(ruleFields(db).join(QStringLiteral(", ")));
        return *e;
    }
    Statement st = db.prepare("SELECT u.uid FROM users u LEFT JOIN user_features f ON f.uid = u.uid WHERE " + where + " ORDER BY u.uid");
    for (std::size_t i = 0; i < b.params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (const auto* d = std::get_if<double>(&b.params[i])) st.bind(index, *d);
        else st.bind(index, std::string_view(std::get<std::string>(b.params[i])));
    }
    std::vector<qint64> uids;
    while (st.step()) uids.push_back(st.int64(0));
    return uids;
}

} // namespace cwb::model
