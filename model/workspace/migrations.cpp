#include "workspace/migrations.h"

#include "sql/database.h"
#include "sql/transaction.h"

#include <string>

namespace cwb::model {

namespace {

// Version 1: the canonical tables of the design. Users carry an integer
// surrogate key (uid) that every other table references; the shop's own
// user id stays in users.user_id. Times are Unix seconds (UTC) everywhere.
// CHECK constraints are written as OR chains: SQLite evaluates
// "x IN ('a', 'b', ...)" through a temporary index on every insert, which
// made bulk loads of events about 40 % slower.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE users (
  uid          INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL UNIQUE,
  signup_date  INTEGER,
  age          INTEGER,
  gender       TEXT,
  region       TEXT,
  city         TEXT,
  occupation   TEXT,
  member_tier  TEXT,
  attributes   TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE products (
  product_id TEXT PRIMARY KEY,
  category   TEXT,
  price      REAL
);
CREATE TABLE events (
  event_id      INTEGER PRIMARY KEY,
  uid           INTEGER NOT NULL REFERENCES users(uid) ON DELETE CASCADE,
  ts            INTEGER NOT NULL,
  type          TEXT NOT NULL CHECK (type = 'view' OR type = 'search' OR type = 'cart' OR type = 'favorite' OR type = 'purchase'),
  product_id    TEXT,
  category      TEXT,
  query         TEXT,
  dwell_seconds REAL
);
CREATE INDEX events_by_user ON events(uid, ts);
CREATE TABLE orders (
  order_id    TEXT PRIMARY KEY,
  uid         INTEGER REFERENCES users(uid) ON DELETE SET NULL,
  ts          INTEGER NOT NULL,
  amount      REAL NOT NULL,
  item_count  INTEGER,
  coupon_code TEXT
);
CREATE INDEX orders_by_user ON orders(uid, ts);
CREATE TABLE campaigns (
  campaign_id INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL CHECK (type = 'coupon' OR type = 'flash_sale' OR type = 'member' OR type = 'email'),
  spec        TEXT NOT NULL DEFAULT '{}',
  status      TEXT NOT NULL DEFAULT 'draft'
              CHECK (status = 'draft' OR status = 'scheduled' OR status = 'running' OR status = 'completed' OR status = 'archived'),
  created_at  INTEGER NOT NULL,
  start_ts    INTEGER,
  end_ts      INTEGER
);
CREATE TABLE exposures (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(campaign_id) ON DELETE CASCADE,
  uid         INTEGER NOT NULL REFERENCES users(uid) ON DELETE CASCADE,
  ts          INTEGER,
  grp         TEXT NOT NULL CHECK (grp = 'treatment' OR grp = 'control'),
  variant     TEXT,
  channel     TEXT,
  PRIMARY KEY (campaign_id, uid)
) WITHOUT ROWID;
CREATE INDEX exposures_by_user ON exposures(uid);
CREATE TABLE responses (
  campaign_id INTEGER NOT NULL,
  uid         INTEGER NOT NULL,
  visited     INTEGER CHECK (visited = 0 OR visited = 1),
  redeemed    INTEGER CHECK (redeemed = 0 OR redeemed = 1),
  converted   INTEGER CHECK (converted = 0 OR converted = 1),
  revenue     REAL,
  ts          INTEGER,
  PRIMARY KEY (campaign_id, uid),
  FOREIGN KEY (campaign_id, uid) REFERENCES exposures(campaign_id, uid) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE segments (
  segment_id  INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  method      TEXT NOT NULL,
  definition  TEXT NOT NULL DEFAULT '{}',
  created_at  INTEGER NOT NULL
);
CREATE TABLE segment_members (
  segment_id INTEGER NOT NULL REFERENCES segments(segment_id) ON DELETE CASCADE,
  uid        INTEGER NOT NULL REFERENCES users(uid) ON DELETE CASCADE,
  PRIMARY KEY (segment_id, uid)
) WITHOUT ROWID;
CREATE INDEX segment_members_by_user ON segment_members(uid);
CREATE TABLE models (
  model_id   INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  target     TEXT NOT NULL,
  trained_at INTEGER NOT NULL,
  metrics    TEXT NOT NULL DEFAULT '{}',
  blob       BLOB
);
)SQL";

// Version 2: what real line-item exports need (order lines, cancelled
// orders, product names), a log of imports (to recognise a file imported
// twice and to show where the data came from) and a data version that every
// change to the data bumps, so derived tables know when they are stale.
constexpr std::string_view kV2 = R"SQL(
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'paid'
  CHECK (status = 'paid' OR status = 'cancelled');
ALTER TABLE products ADD COLUMN name TEXT;
CREATE TABLE order_items (
  order_id   TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
  line_no    INTEGER NOT NULL,
  product_id TEXT,
  quantity   INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;
CREATE TABLE imports (
  import_id      INTEGER PRIMARY KEY,
  target         TEXT NOT NULL,
  source_file    TEXT NOT NULL,
  source_sha256  TEXT NOT NULL,
  source_bytes   INTEGER NOT NULL,
  encoding       TEXT,
  delimiter      TEXT,
  mapping        TEXT NOT NULL DEFAULT '{}',
  rows_read      INTEGER NOT NULL,
  rows_imported  INTEGER NOT NULL,
  rows_rejected  INTEGER NOT NULL,
  values_cleared INTEGER NOT NULL,
  rejects_file   TEXT,
  started_at     INTEGER NOT NULL,
  finished_at    INTEGER NOT NULL
);
CREATE INDEX imports_by_sha256 ON imports(source_sha256);
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('data_version', '0');
)SQL";

// Version 3: user features, materialised by "cwb features" from SQL
// aggregates over events and orders, with the RFM scores and churn risk the
// engine computes from them. Raw values only: missing values stay NULL and
// scaling is done in the engine. The build's data version and reference
// time are kept in meta (features.data_version, features.as_of).
constexpr std::string_view kV3 = R"SQL(
CREATE TABLE user_features (
  uid                INTEGER PRIMARY KEY REFERENCES users(uid) ON DELETE CASCADE,
  orders             INTEGER NOT NULL,
  monetary           REAL NOT NULL,
  paid_spend         REAL NOT NULL,
  avg_order_value    REAL,
  first_order_ts     INTEGER,
  last_order_ts      INTEGER,
  recency_days       INTEGER,
  events             INTEGER NOT NULL,
  views              INTEGER NOT NULL,
  searches           INTEGER NOT NULL,
  carts              INTEGER NOT NULL,
  favorites          INTEGER NOT NULL,
  purchases          INTEGER NOT NULL,
  sessions           INTEGER NOT NULL,
  active_days        INTEGER NOT NULL,
  weeks_observed     REAL NOT NULL,
  sessions_per_week  REAL NOT NULL,
  browse_depth       REAL,
  mean_dwell_seconds REAL,
  cart_to_purchase   REAL,
  days_since_signup  INTEGER,
  member_level       INTEGER,
  rfm_r              INTEGER,
  rfm_f              INTEGER,
  rfm_m              INTEGER,
  rfm_group          TEXT,
  churn_risk         REAL
);
CREATE TABLE user_category_stats (
  uid       INTEGER NOT NULL REFERENCES users(uid) ON DELETE CASCADE,
  category  TEXT NOT NULL,
  views     INTEGER NOT NULL,
  purchases INTEGER NOT NULL,
  PRIMARY KEY (uid, category)
) WITHOUT ROWID;
)SQL";

// Version 4: what models learn from and how they are kept. One row per
// exposure (campaign x user) of what the user had done before the
// campaign started — nothing after it — rebuilt when the data changes
// (meta: exposure_features.data_version). Activity by time of day in eight
// three-hour blocks (UTC) and views in the campaign's own categories, from
// which the training set derives how well the offer's hours and categories
// fit the user. Models gain a name and a spec: learner, inputs, parameters,
// training data and its fingerprint, warnings.
constexpr std::string_view kV4 = R"SQL(
CREATE TABLE exposure_features (
  campaign_id        INTEGER NOT NULL,
  uid                INTEGER NOT NULL,
  orders             INTEGER NOT NULL,
  paid_spend         REAL NOT NULL,
  avg_order_value    REAL,
  recency_days       INTEGER,
  orders_90d         INTEGER NOT NULL,
  events             INTEGER NOT NULL,
  events_30d         INTEGER NOT NULL,
  views              INTEGER NOT NULL,
  searches           INTEGER NOT NULL,
  carts              INTEGER NOT NULL,
  favorites          INTEGER NOT NULL,
  purchases          INTEGER NOT NULL,
  active_days        INTEGER NOT NULL,
  active_days_30d    INTEGER NOT NULL,
  weeks_observed     REAL NOT NULL,
  mean_dwell_seconds REAL,
  days_since_signup  INTEGER,
  prior_offers       INTEGER NOT NULL,
  prior_redemptions  INTEGER NOT NULL,
  prior_conversions  INTEGER NOT NULL,
  category_views     INTEGER,
  h0 INTEGER NOT NULL, h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, h3 INTEGER NOT NULL,
  h4 INTEGER NOT NULL, h5 INTEGER NOT NULL, h6 INTEGER NOT NULL, h7 INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, uid),
  FOREIGN KEY (campaign_id, uid) REFERENCES exposures(campaign_id, uid) ON DELETE CASCADE
) WITHOUT ROWID;
ALTER TABLE models ADD COLUMN name TEXT;
ALTER TABLE models ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';
)SQL";

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list{
        {1, "canonical tables", kV1},
        {2, "order lines, cancellations, import log, data version", kV2},
        {3, "user features, category interest, RFM scores, churn risk", kV3},
        {4, "exposure features for models, model specs", kV4},
    };
    return list;
}

int latestSchemaVersion() { return migrations().back().version; }

void migrate(Database& db, int fromVersion, int toVersion)
{
    if (toVersion < 0) toVersion = latestSchemaVersion();
    for (const Migration& m : migrations()) {
        if (m.version <= fromVersion || m.version > toVersion) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

} // namespace cwb::model
