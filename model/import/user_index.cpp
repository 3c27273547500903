#include "import/user_index.h"

#include "sql/database.h"
#include "sql/statement.h"

namespace cwb::model {

void UserIndex::load(Database& db)
{
    map_.clear();
    map_.reserve(static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM users")) + 1024);
    Statement st = db.prepare("SELECT user_id, uid FROM users");
    while (st.step()) map_.emplace(std::string(st.textView(0)), st.int64(1));
}

std::optional<std::int64_t> UserIndex::find(std::string_view userId) const
{
    if (lastUid_ >= 0 && userId == lastId_) return lastUid_;
    const auto it = map_.find(userId);
    if (it == map_.end()) return std::nullopt;
    lastId_.assign(userId);
    lastUid_ = it->second;
    return it->second;
}

void UserIndex::add(std::string_view userId, std::int64_t uid) { map_.emplace(std::string(userId), uid); }

} // namespace cwb::model
