#pragma once
// Preset for Kevin Hillstrom's MineThatData e-mail test (64,000 customers,
// randomised into Mens E-Mail / Womens E-Mail / No E-Mail).
//
// Each row becomes: a user "HS00001" ... (the 1-based data row; the file has
// no customer id and 6,562 rows repeat another row exactly), whose
// attributes keep the file's own columns (recency, history_segment, history,
// mens, womens, zip_code, newbie, channel); one exposure to the campaign
// "Hillstrom e-mail test (2008)" (type email) with grp treatment for either
// e-mail and control for No E-Mail, the arm in `variant`; and one response
// with visited / converted / revenue from visit / conversion / spend. The
// data carries no dates, so exposures and responses have no time.

#include "import/import_context.h"

namespace cwb::model {

std::unique_ptr<RowHandler> makeHillstromPreset();
// The columns the file must have (compared case-insensitively).
const std::vector<const char*>& hillstromColumns();
inline constexpr const char* kHillstromCampaignName = "Hillstrom e-mail test (2008)";

} // namespace cwb::model
