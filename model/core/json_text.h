#pragma once
// Appending JSON text to a std::string, for documents written once per row
// (user attributes) where building a QJsonObject would dominate the cost.

#include <string>
#include <string_view>

namespace cwb::model {

// "text" with the escapes JSON requires; UTF-8 passes through.
void appendJsonString(std::string& out, std::string_view text);
// The shortest text that reads back as the same double.
void appendJsonNumber(std::string& out, double value);

} // namespace cwb::model
