#pragma once
// Thrown out of a long engine computation when its progress callback asks
// to stop. Callers that offer cancel catch it and leave nothing half-done.

#include <exception>

namespace cwb::engine {

struct Cancelled : std::exception {
    const char* what() const noexcept override { return "cancelled"; }
};

// A progress callback: fraction done in [0, 1]; returns false to cancel.
} // namespace cwb::engine
