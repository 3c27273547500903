#pragma once
// Segment rules: a filter over user features and attributes, e.g.
//
//   recency_days > 90 AND (monetary >= 500 OR member_tier IN ('gold', 'platinum'))
//
// Grammar (keywords in any case):
//   expr       := term (OR term)*
//   term       := factor (AND factor)*
//   factor     := NOT factor | '(' expr ')' | comparison
//   comparison := field op value
//               | field [NOT] IN '(' value (',' value)* ')'
//               | field [NOT] BETWEEN value AND value
//               | field IS [NOT] NULL
//   op         := = | == | != | <> | < | <= | > | >=
//   value      := number | 'text' (a quote inside is doubled: 'O''Brien')
//   field      := letters, digits, '_' and '.' (attributes.income), non-ASCII
//                 letters (月收入), or any text in backticks
//
// The parser only builds the tree; what a field means, and the SQL with
// bound parameters, are the model's business. Values never become SQL text.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cwb::engine {

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

struct RuleValue {
    bool isText = false;
    double number = 0;
    std::string text;
};

struct RuleNode {
    enum class Kind { And, Or, Not, Compare, In, Between, IsNull };
    Kind kind = Kind::Compare;
    std::vector<RuleNode> children;   // And / Or / Not
    std::string field;                // comparisons
    std::size_t fieldPosition = 0;    // byte offset of the field in the rule text
    std::size_t fieldLength = 0;
    CompareOp op = CompareOp::Eq;
    std::vector<RuleValue> values;    // Compare: 1, In: 1+, Between: 2
    bool negated = false;             // NOT IN, NOT BETWEEN, IS NOT NULL
};

struct RuleError {
    enum class Code {
        Empty,                 // nothing to parse
        UnexpectedEnd,         // the rule stops too early
        UnexpectedToken,       // `found` where `expected` should be
        UnterminatedText,      // a quote is never closed
        UnterminatedField,     // a backtick is never closed
        UnknownCharacter,
        TooDeep,               // parentheses or NOTs nested more than kMaxRuleDepth deep
    };
    Code code = Code::UnexpectedToken;
    std::size_t position = 0;   // byte offset in the rule text
    std::size_t length = 1;
    std::string found;
    std::string expected;       // words: "a field name", "a value", "')'", ...
};

// How deep parentheses and NOTs may nest. Far beyond any rule a person writes; the
// bound keeps the recursive parser (and everything that walks the tree) off the
// end of the stack whatever the text.
inline constexpr int kMaxRuleDepth = 100;

std::variant<RuleNode, RuleError> parseRule(std::string_view text);

// Every field the rule mentions, in order of appearance (with positions).
std::vector<const RuleNode*> ruleComparisons(const RuleNode& root);

// Character (not byte) column, 1-based, of a byte offset in UTF-8 text.
std::size_t characterColumn(std::string_view text, std::size_t byteOffset);

} // namespace cwb::engine
