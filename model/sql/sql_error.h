#pragma once
// A failure of the database itself (I/O error, disk full, corrupt file,
// misuse). Thrown, per the project's conventions: it is not a user-input
// problem. Callers at the edge (importer, job runner) turn it into an Error,
// most by quoting what(): where the code says what a user can do about it (a
// damaged file, a lock another program holds), what() ends by saying so, so
// that every message built on it does.

#include <stdexcept>
#include <string>

namespace cwb::model {

class SqlError : public std::runtime_error {
public:
    SqlError(int code, int extendedCode, const std::string& message)
        : std::runtime_error(withAdvice(code, message)), code_(code), extendedCode_(extendedCode) {}

    int code() const { return code_; }                 // primary result code, e.g. SQLITE_FULL
    int extendedCode() const { return extendedCode_; }
    bool isDiskFull() const;
    bool isBusy() const;
    bool isInterrupted() const;

private:
    static std::string withAdvice(int code, const std::string& message);

    int code_;
    int extendedCode_;
};

} // namespace cwb::model
