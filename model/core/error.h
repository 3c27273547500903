#pragma once
// An expected failure caused by what the user gave us (a file, an option, a
// spec), told in words they can act on: which file, which line, which column.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cwb::model {

struct Error {
    QString message;
    QString file;        // empty when not about a file
    qint64 line = 0;     // 1-based; 0 = not about a line
    int column = 0;      // 1-based; 0 = not about a column

    // "file:line:column: message", leaving out the parts that are unknown.
    QString toString() const;
};

Error makeError(QString message);

// Either a value or an Error. A small stand-in for C++23 std::expected.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}               // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}           // NOLINT(google-explicit-constructor)

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
using Status = std::optional<Error>;

} // namespace cwb::model
