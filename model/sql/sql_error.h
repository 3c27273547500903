#pragma once
// A failure of the database itself (I/O error, disk full, corrupt file,
// misuse). Thrown, per the project's conventions: it is not a user-input
// problem. Callers at the edge (importer, job runner) turn it into an Error.

#include <stdexcept>
#include <string>

namespace cwb::model {

class SqlError : public std::runtime_error {
public:
    SqlError(int code, int extendedCode, const std::string& message)
        : std::runtime_error(message), code_(code), extendedCode_(extendedCode) {}

    int code() const { return code_; }                 // primary result code, e.g. SQLITE_FULL
    int extendedCode() const { return extendedCode_; }
    bool isDiskFull() const;
    bool isBusy() const;
    bool isInterrupted() const;

private:
    int code_;
    int extendedCode_;
};

} // namespace cwb::model
