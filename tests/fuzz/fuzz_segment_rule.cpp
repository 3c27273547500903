// Fuzz target: segment rules — the parser (engine/segment/rule.h), the
// syntax check the rule editor runs as the user types, and the evaluation of
// a rule against a workspace (fields resolved to column expressions, values
// bound as parameters).
//
// Input: the rule's text, as typed (any bytes).
//
// Besides not crashing: a parse error points inside the text; every field
// the parser found lies inside the text; for valid UTF-8 the editor's check
// and the parser agree; and an evaluated rule gives users in increasing
// order without repeats, or an error that says why.

#include "fuzz_support.h"

#include "demo/demo_writer.h"
#include "features/feature_builder.h"
#include "segment/rule.h"
#include "segments/rule_query.h"

#include "csv/text_decoder.h"

#include <algorithm>
#include <variant>

using namespace cwb::model;
using cwb::fuzz::require;

namespace {

void fillDemoShop(Workspace& ws)
{
    DemoOptions o;
    o.users = 60;
    o.eventsPerUser = 4;
    auto demo = writeDemoData(ws, o);
    auto features = demo ? buildFeatures(ws) : Result<FeatureBuildReport>(demo.error());
    if (!features) {
        std::fprintf(stderr, "fuzz set-up: %s\n", qPrintable(features.error().toString()));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Workspace& ws = cwb::fuzz::sharedWorkspace("demo", fillDemoShop);
    const std::string_view text = cwb::fuzz::asText(data, size);

    const auto parsed = cwb::engine::parseRule(text);
    if (const auto* error = std::get_if<cwb::engine::RuleError>(&parsed)) {
        require(error->position <= text.size(), "a parse error points inside the rule");
        require(!error->expected.empty() || error->code != cwb::engine::RuleError::Code::UnexpectedToken,
                "an unexpected token says what was expected");
        (void)cwb::engine::characterColumn(text, error->position);
    } else {
        const auto& root = std::get<cwb::engine::RuleNode>(parsed);
        for (const cwb::engine::RuleNode* c : cwb::engine::ruleComparisons(root)) {
            require(c->fieldPosition <= text.size() && c->fieldLength <= text.size() - c->fieldPosition,
                    "a field's place lies inside the rule");
            require(!c->values.empty() || c->kind == cwb::engine::RuleNode::Kind::IsNull, "a comparison has its values");
        }
    }

    const QString rule = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    const std::optional<Error> syntax = ruleSyntaxError(rule);
    if (syntax) require(!syntax->message.isEmpty() && syntax->column >= 1, "a syntax error says why and where");
    if (isValidUtf8(text) && text.find('\0') == std::string_view::npos)
        require(syntax.has_value() == std::holds_alternative<cwb::engine::RuleError>(parsed),
                "the editor's check agrees with the parser");

    const auto users = evaluateRule(ws.db(), rule);
    if (users) {
        const std::vector<qint64>& uids = users.value();
        require(std::adjacent_find(uids.begin(), uids.end(), [](qint64 a, qint64 b) { return a >= b; }) == uids.end(),
                "a segment lists its users in increasing order, once each");
    } else {
        require(!users.error().message.isEmpty(), "a rule that cannot be evaluated says why");
    }
    return 0;
}
