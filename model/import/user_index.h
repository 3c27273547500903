#pragma once
// user_id -> uid for every user in the workspace, held in memory during an
// import so that each event or order finds its user without a query.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cwb::model {

class Database;

class UserIndex {
public:
    void load(Database& db);
    // Consecutive rows of one customer (the usual order of an export) are
    // answered from the last lookup.
    std::optional<std::int64_t> find(std::string_view userId) const;
    void add(std::string_view userId, std::int64_t uid);
    std::size_t size() const { return map_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>> map_;
    mutable std::string lastId_;
    mutable std::int64_t lastUid_ = -1;
};

} // namespace cwb::model
