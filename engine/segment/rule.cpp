#include "segment/rule.h"

#include <cctype>
#include <charconv>
#include <optional>

namespace cwb::engine {

namespace {

struct Token {
    enum class Type { Ident, Number, Text, Op, LParen, RParen, Comma, And, Or, Not, In, Is, Null, Between, End };
    Type type = Type::End;
    std::string text;     // identifier / literal text / operator
    double number = 0;
    std::size_t pos = 0, len = 0;
};

bool identStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool identChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80; }

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    std::variant<std::vector<Token>, RuleError> run()
    {
        std::vector<Token> out;
        while (true) {
            while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
            if (i_ >= s_.size()) break;
            const std::size_t start = i_;
            const auto c = static_cast<unsigned char>(s_[i_]);
            Token t;
            t.pos = start;
            if (c == '(' || c == ')' || c == ',') {
                t.type = c == '(' ? Token::Type::LParen : c == ')' ? Token::Type::RParen : Token::Type::Comma;
                t.text = std::string(1, char(c));
                ++i_;
            } else if (c == '\'' || c == '"') {
                // Text; the quote character doubled inside stands for itself.
                const char q = char(c);
                ++i_;
                std::string text;
                bool closed = false;
                while (i_ < s_.size()) {
                    if (s_[i_] == q) {
                        if (i_ + 1 < s_.size() && s_[i_ + 1] == q) {
                            text.push_back(q);
                            i_ += 2;
                            continue;
                        }
                        ++i_;
                        closed = true;
                        break;
                    }
                    text.push_back(s_[i_++]);
                }
                if (!closed) return RuleError{RuleError::Code::UnterminatedText, start, s_.size() - start, std::string(s_.substr(start)), "a closing quote"};
                t.type = Token::Type::Text;
                t.text = std::move(text);
            } else if (c == '`') {
                const std::size_t close = s_.find('`', i_ + 1);
                if (close == std::string_view::npos)
                    return RuleError{RuleError::Code::UnterminatedField, start, s_.size() - start, std::string(s_.substr(start)), "a closing backtick"};
                t.type = Token::Type::Ident;
                t.text = std::string(s_.substr(i_ + 1, close - i_ - 1));
                i_ = close + 1;
            } else if (std::isdigit(c) || ((c == '-' || c == '+' || c == '.') && i_ + 1 < s_.size() &&
                                            (std::isdigit(static_cast<unsigned char>(s_[i_ + 1])) || s_[i_ + 1] == '.'))) {
                std::size_t end = i_ + 1;
                while (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '.' ||
                                           ((s_[end] == '-' || s_[end] == '+') && (s_[end - 1] == 'e' || s_[end - 1] == 'E'))))
                    ++end;
                const std::string_view num = s_.substr(i_, end - i_);
                double v = 0;
                const std::string_view parsed = num.front() == '+' ? num.substr(1) : num;
                const auto r = std::from_chars(parsed.data(), parsed.data() + parsed.size(), v);
                if (r.ec != std::errc() || r.ptr != parsed.data() + parsed.size())
                    return RuleError{RuleError::Code::UnexpectedToken, start, num.size(), std::string(num), "a number"};
                t.type = Token::Type::Number;
                t.number = v;
                t.text = std::string(num);
                i_ = end;
            } else if (identStart(c)) {
                std::size_t end = i_ + 1;
                while (end < s_.size() && identChar(static_cast<unsigned char>(s_[end]))) ++end;
                t.text = std::string(s_.substr(i_, end - i_));
                const std::string u = upper(t.text);
                t.type = u == "AND" ? Token::Type::And : u == "OR" ? Token::Type::Or : u == "NOT" ? Token::Type::Not
                       : u == "IN" ? Token::Type::In : u == "IS" ? Token::Type::Is : u == "NULL" ? Token::Type::Null
                       : u == "BETWEEN" ? Token::Type::Between : Token::Type::Ident;
                i_ = end;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                std::size_t end = i_ + 1;
                if (end < s_.size() && (s_[end] == '=' || (c == '<' && s_[end] == '>'))) ++end;
                t.text = std::string(s_.substr(i_, end - i_));
                if (t.text == "!") return RuleError{RuleError::Code::UnknownCharacter, start, 1, "!", "!= or a comparison"};
                t.type = Token::Type::Op;
                i_ = end;
            } else {
                // One whole UTF-8 character in the message.
                std::size_t len = 1;
                while (start + len < s_.size() && (static_cast<unsigned char>(s_[start + len]) & 0xC0) == 0x80) ++len;
                return RuleError{RuleError::Code::UnknownCharacter, start, len, std::string(s_.substr(start, len)), {}};
            }
            t.len = i_ - start;
            out.push_back(std::move(t));
        }
        Token end;
        end.type = Token::Type::End;
        end.pos = s_.size();
        out.push_back(end);
        return out;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    std::variant<RuleNode, RuleError> run()
    {
        if (t_.front().type == Token::Type::End) return RuleError{RuleError::Code::Empty, 0, 0, {}, "a condition"};
        RuleNode root;
        if (!expr(root)) return *error_;
        if (peek().type != Token::Type::End) {
            fail("AND, OR or the end of the rule");
            return *error_;
        }
        return root;
    }

private:
    const Token& peek() const { return t_[i_]; }
    const Token& take() { return t_[i_++]; }

    bool fail(const char* expected)
    {
        const Token& t = peek();
        if (t.type == Token::Type::End) error_ = RuleError{RuleError::Code::UnexpectedEnd, t.pos, 0, {}, expected};
        else error_ = RuleError{RuleError::Code::UnexpectedToken, t.pos, t.len, t.text, expected};
        return false;
    }

    bool expr(RuleNode& out)
    {
        RuleNode first;
        if (!term(first)) return false;
        if (peek().type != Token::Type::Or) {
            out = std::move(first);
            return true;
        }
        out = RuleNode{};
        out.kind = RuleNode::Kind::Or;
        out.children.push_back(std::move(first));
        while (peek().type == Token::Type::Or) {
            take();
            RuleNode next;
            if (!term(next)) return false;
            out.children.push_back(std::move(next));
        }
        return true;
    }

    bool term(RuleNode& out)
    {
        RuleNode first;
        if (!factor(first)) return false;
        if (peek().type != Token::Type::And) {
            out = std::move(first);
            return true;
        }
        out = RuleNode{};
        out.kind = RuleNode::Kind::And;
        out.children.push_back(std::move(first));
        while (peek().type == Token::Type::And) {
            take();
            RuleNode next;
            if (!factor(next)) return false;
            out.children.push_back(std::move(next));
        }
        return true;
    }

    bool factor(RuleNode& out)
    {
        if (peek().type == Token::Type::Not || peek().type == Token::Type::LParen) {
            if (depth_ == kMaxRuleDepth) {
                const Token& t = peek();
                error_ = RuleError{RuleError::Code::TooDeep, t.pos, t.len, t.text, {}};
                return false;
            }
            ++depth_;
            const bool ok = nested(out);
            --depth_;
            return ok;
        }
        return comparison(out);
    }

    // NOT factor, or ( expr ).
    bool nested(RuleNode& out)
    {
        if (peek().type == Token::Type::Not) {
            take();
            RuleNode inner;
            if (!factor(inner)) return false;
            out = RuleNode{};
            out.kind = RuleNode::Kind::Not;
            out.children.push_back(std::move(inner));
            return true;
        }
        take();   // (
        if (!expr(out)) return false;
        if (peek().type != Token::Type::RParen) return fail("')'");
        take();
        return true;
    }

    bool value(RuleValue& v)
    {
        const Token& t = peek();
        if (t.type == Token::Type::Number) v = {false, t.number, t.text};
        else if (t.type == Token::Type::Text) v = {true, 0, t.text};
        else return fail("a value (a number, or text in quotes)");
        take();
        return true;
    }

    bool comparison(RuleNode& out)
    {
        if (peek().type != Token::Type::Ident) return fail("a field name");
        const Token& f = take();
        out = RuleNode{};
        out.field = f.text;
        out.fieldPosition = f.pos;
        out.fieldLength = f.len;
        bool negated = false;
        if (peek().type == Token::Type::Not) {
            take();
            negated = true;
            if (peek().type != Token::Type::In && peek().type != Token::Type::Between) return fail("IN or BETWEEN after NOT");
        }
        const Token& t = peek();
        if (t.type == Token::Type::Op) {
            take();
            static const std::pair<const char*, CompareOp> ops[] = {{"=", CompareOp::Eq}, {"==", CompareOp::Eq}, {"!=", CompareOp::Ne},
                                                                    {"<>", CompareOp::Ne}, {"<", CompareOp::Lt}, {"<=", CompareOp::Le},
                                                                    {">", CompareOp::Gt}, {">=", CompareOp::Ge}};
            for (const auto& [s, op] : ops)
                if (t.text == s) out.op = op;
            out.kind = RuleNode::Kind::Compare;
            out.values.resize(1);
            return value(out.values[0]);
        }
        if (t.type == Token::Type::In) {
            take();
            out.kind = RuleNode::Kind::In;
            out.negated = negated;
            if (peek().type != Token::Type::LParen) return fail("'(' to start the list");
            take();
            do {
                RuleValue v;
                if (!value(v)) return false;
                out.values.push_back(std::move(v));
            } while (peek().type == Token::Type::Comma && (take(), true));
            if (peek().type != Token::Type::RParen) return fail("',' or ')' to close the list");
            take();
            return true;
        }
        if (t.type == Token::Type::Between) {
            take();
            out.kind = RuleNode::Kind::Between;
            out.negated = negated;
            out.values.resize(2);
            if (!value(out.values[0])) return false;
            if (peek().type != Token::Type::And) return fail("AND between the two bounds");
            take();
            return value(out.values[1]);
        }
        if (t.type == Token::Type::Is) {
            take();
            out.kind = RuleNode::Kind::IsNull;
            if (peek().type == Token::Type::Not) {
                take();
                out.negated = true;
            }
            if (peek().type != Token::Type::Null) return fail("NULL");
            take();
            return true;
        }
        return fail("a comparison (=, !=, <, <=, >, >=, IN, BETWEEN, IS NULL)");
    }

    std::vector<Token> t_;
    std::size_t i_ = 0;
    std::optional<RuleError> error_;
    int depth_ = 0;   // parentheses and NOTs open around the current token
};

void collect(const RuleNode& n, std::vector<const RuleNode*>& out)
{
    if (n.kind == RuleNode::Kind::And || n.kind == RuleNode::Kind::Or || n.kind == RuleNode::Kind::Not) {
        for (const RuleNode& c : n.children) collect(c, out);
        return;
    }
    out.push_back(&n);
}

} // namespace

std::variant<RuleNode, RuleError> parseRule(std::string_view text)
{
    auto lexed = Lexer(text).run();
    if (auto* e = std::get_if<RuleError>(&lexed)) return *e;
    return Parser(std::get<std::vector<Token>>(std::move(lexed))).run();
}

std::vector<const RuleNode*> ruleComparisons(const RuleNode& root)
{
    std::vector<const RuleNode*> out;
    collect(root, out);
    return out;
}

std::size_t characterColumn(std::string_view text, std::size_t byteOffset)
{
    std::size_t col = 1;
    for (std::size_t i = 0; i < byteOffset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    return col;
}

} // namespace cwb::engine
