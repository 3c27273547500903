#include "import/canonical_schema.h"
#include "core/text.h"

#include "core/civil_time.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cwb::model {

namespace {


using F = FieldType;

// Synonyms are written normalised (lower case, no spaces, '_', '-' or '.').
const std::vector<std::string_view> kUserIdWords{
    "userid", "user", "uid", "customerid", "customer", "custid", "clientid", "client", "memberid",
    "buyerid", "buyer", "accountid", "visitorid", "用户id", "用户", "用户编号", "客户id", "客户",
    "客户编号", "会员id", "会员编号", "会员号", "买家id", "买家", "顾客id", "账号"};
const std::vector<std::string_view> kTimeWords{
    "ts", "timestamp", "time", "datetime", "date", "eventtime", "eventdate", "createdat", "ordertime",
    "orderdate", "invoicedate", "purchasetime", "paytime", "时间", "时间戳", "日期", "下单时间",
    "支付时间", "订单时间", "行为时间", "发生时间"};
const std::vector<std::string_view> kCampaignWords{
    "campaign", "campaignid", "campaignname", "activity", "activityid", "活动", "活动id", "活动名称",
    "活动名", "营销活动"};

const std::vector<TableSpec>& tables()
{
    static const std::vector<TableSpec> list{
        {"users",
         {{"user_id", F::Text, true, 0, 0, kUserIdWords, {}},
          {"signup_date", F::Timestamp, false, 0, 0,
           {"signupdate", "signup", "signuptime", "registered", "registrationdate", "registertime", "regdate",
            "joindate", "joined", "memberssince", "注册时间", "注册日期", "开户日期", "入会时间"}, {}},
          {"age", F::Integer, false, 1, 120, {"age", "年龄"}, {}},
          {"gender", F::Gender, false, 0, 0, {"gender", "sex", "性别"}, {}},
          {"region", F::Text, false, 0, 0,
           {"region", "province", "state", "country", "area", "地区", "省份", "省", "国家", "区域"}, {}},
          {"city", F::Text, false, 0, 0, {"city", "town", "城市", "市"}, {}},
          {"occupation", F::Text, false, 0, 0, {"occupation", "job", "profession", "职业", "工作"}, {}},
          {"member_tier", F::Text, false, 0, 0,
           {"membertier", "tier", "membership", "memberlevel", "level", "viplevel", "loyaltytier", "会员等级",
            "会员级别", "等级", "会员类型"}, {}}},
         {"user_id"},
         true},
        {"products",
         {{"product_id", F::Text, true, 0, 0,
           {"productid", "product", "itemid", "item", "sku", "skuid", "stockcode", "goodsid", "商品id", "商品编号",
            "货号", "商品", "sku编号"}, {}},
          {"name", F::Text, false, 0, 0,
           {"name", "productname", "description", "title", "itemname", "goodsname", "商品名称", "名称", "商品名",
            "描述"}, {}},
          {"category", F::Text, false, 0, 0,
           {"category", "categoryid", "cat", "categoryname", "类目", "品类", "类别", "分类", "类目id"}, {}},
          {"price", F::Money, false, 0, 1e9, {"price", "unitprice", "listprice", "价格", "单价", "售价"}, {}}},
         {"product_id"}},
        {"events",
         {{"user_id", F::UserRef, true, 0, 0, kUserIdWords, "uid"},
          {"ts", F::Timestamp, true, 0, 0, kTimeWords, {}},
          {"type", F::EventType, true, 0, 0,
           {"type", "eventtype", "event", "behavior", "behaviortype", "behaviour", "action", "actiontype", "行为",
            "行为类型", "事件", "事件类型"}, {}},
          {"product_id", F::Text, false, 0, 0, {"productid", "product", "itemid", "item", "sku", "商品id", "商品编号"}, {}},
          {"category", F::Text, false, 0, 0, {"category", "categoryid", "cat", "类目", "品类", "类目id", "分类"}, {}},
          {"query", F::Text, false, 0, 0, {"query", "keyword", "searchterm", "searchquery", "搜索词", "关键词"}, {}},
          {"dwell_seconds", F::Real, false, 0, 86400,
           {"dwellseconds", "dwell", "dwelltime", "staytime", "duration", "seconds", "停留时长", "停留时间",
            "浏览时长"}, {}}},
         {}},
        {"orders",
         {{"order_id", F::Text, true, 0, 0,
           {"orderid", "order", "orderno", "ordernumber", "invoiceno", "invoice", "invoiceid", "transactionid",
            "订单号", "订单id", "订单编号"}, {}},
          {"user_id", F::UserRef, true, 0, 0, kUserIdWords, "uid"},
          {"ts", F::Timestamp, true, 0, 0, kTimeWords, {}},
          {"amount", F::Money, true, -1e9, 1e9,
           {"amount", "total", "orderamount", "ordertotal", "revenue", "payment", "paid", "gmv", "value",
            "金额", "订单金额", "实付金额", "支付金额", "实付", "成交金额"}, {}},
          {"item_count", F::Integer, false, 0, 100000,
           {"itemcount", "items", "quantity", "qty", "units", "商品数量", "件数", "数量"}, {}},
          {"coupon_code", F::Text, false, 0, 0, {"couponcode", "coupon", "voucher", "promocode", "优惠券", "优惠码", "券码"}, {}},
          {"status", F::OrderStatus, false, 0, 0, {"status", "orderstatus", "订单状态", "状态"}, {}}},
         {"order_id"}},
        {"order_items",
         {{"order_id", F::Text, true, 0, 0, {"orderid", "order", "orderno", "invoiceno", "invoice", "订单号", "订单id"}, {}},
          {"line_no", F::Integer, false, 1, 1e9, {"lineno", "line", "linenumber", "行号"}, {}},
          {"product_id", F::Text, false, 0, 0, {"productid", "product", "itemid", "sku", "stockcode", "商品id", "商品编号", "货号"}, {}},
          {"quantity", F::Integer, true, -1e9, 1e9, {"quantity", "qty", "units", "数量", "件数"}, {}},
          {"unit_price", F::Money, true, 0, 1e9, {"unitprice", "price", "单价", "价格"}, {}}},
         {"order_id", "line_no"}},
        {"campaigns",
         {{"name", F::Text, true, 0, 0, {"name", "campaign", "campaignname", "活动名称", "活动", "名称"}, {}},
          {"type", F::CampaignType, true, 0, 0, {"type", "campaigntype", "活动类型", "类型"}, {}},
          {"status", F::CampaignStatus, false, 0, 0, {"status", "状态"}, {}},
          {"start_ts", F::Timestamp, false, 0, 0, {"start", "startts", "starttime", "startdate", "开始时间", "开始日期"}, {}},
          {"end_ts", F::Timestamp, false, 0, 0, {"end", "endts", "endtime", "enddate", "结束时间", "结束日期"}, {}},
          {"created_at", F::Timestamp, false, 0, 0, {"createdat", "created", "创建时间"}, {}},
          {"spec", F::Json, false, 0, 0, {"spec", "parameters", "params", "config", "参数"}, {}}},
         {"name"}},
        {"exposures",
         {{"campaign", F::CampaignRef, true, 0, 0, kCampaignWords, "campaign_id"},
          {"user_id", F::UserRef, true, 0, 0, kUserIdWords, "uid"},
          {"grp", F::Group, true, 0, 0, {"grp", "group", "arm", "treatment", "cell", "分组", "组别", "组"}, {}},
          {"variant", F::Text, false, 0, 0, {"variant", "version", "creative", "segment", "版本", "变体"}, {}},
          {"channel", F::Text, false, 0, 0, {"channel", "medium", "渠道", "触达渠道"}, {}},
          {"ts", F::Timestamp, false, 0, 0, kTimeWords, {}}},
         {"campaign", "user_id"}},
        {"responses",
         {{"campaign", F::CampaignRef, true, 0, 0, kCampaignWords, "campaign_id"},
          {"user_id", F::UserRef, true, 0, 0, kUserIdWords, "uid"},
          {"visited", F::Bool, false, 0, 0, {"visited", "visit", "clicked", "click", "opened", "访问", "点击", "是否访问"}, {}},
          {"redeemed", F::Bool, false, 0, 0, {"redeemed", "redeem", "used", "redemption", "核销", "是否核销", "已使用"}, {}},
          {"converted", F::Bool, false, 0, 0, {"converted", "conversion", "purchased", "bought", "转化", "是否购买", "下单", "是否转化"}, {}},
          {"revenue", F::Money, false, -1e9, 1e9, {"revenue", "spend", "sales", "amount", "收入", "销售额", "消费金额", "金额"}, {}},
          {"ts", F::Timestamp, false, 0, 0, kTimeWords, {}}},
         {"campaign", "user_id"}},
        {"segment_members",
         {{"segment", F::SegmentRef, true, 0, 0, {"segment", "segmentname", "group", "audience", "list", "人群", "分群", "人群包", "分组"}, "segment_id"},
          {"user_id", F::UserRef, true, 0, 0, kUserIdWords, "uid"}},
         {"segment", "user_id"}},
    };
    return list;
}

} // namespace

const FieldSpec* TableSpec::field(std::string_view n) const
{
    for (const FieldSpec& f : fields)
        if (f.name == n) return &f;
    return nullptr;
}

int TableSpec::indexOf(std::string_view n) const
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == n) return static_cast<int>(i);
    return -1;
}

const std::vector<TableSpec>& importableTables() { return tables(); }

const TableSpec* findTable(const QString& name)
{
    const QByteArray n = name.trimmed().toLower().toUtf8();
    for (const TableSpec& t : tables())
        if (t.name == std::string_view(n.constData(), static_cast<std::size_t>(n.size()))) return &t;
    return nullptr;
}

QStringList importableTableNames()
{
    QStringList names;
    for (const TableSpec& t : tables()) names << QString::fromUtf8(t.name.data(), static_cast<qsizetype>(t.name.size()));
    return names;
}

QString describeExpected(const FieldSpec& f)
{
    switch (f.type) {
    case F::Text: return Text::tr("text");
    case F::Integer: return Text::tr("a whole number between %L1 and %L2").arg(f.min, 0, 'f', 0).arg(f.max, 0, 'f', 0);
    case F::Real: return Text::tr("a number between %L1 and %L2").arg(f.min, 0, 'g', 10).arg(f.max, 0, 'g', 10);
    case F::Money:
        if (f.min < 0 && f.min == -f.max) return Text::tr("an amount of money, at most %L1 either way (negative for refunds)").arg(f.max, 0, 'f', 0);
        return Text::tr("an amount of money from %L1 to %L2").arg(f.min, 0, 'f', 0).arg(f.max, 0, 'f', 0);
    case F::Timestamp: return Text::tr("a date and time");
    case F::Bool: return Text::tr("yes/no (1/0, true/false, 是/否)");
    case F::Gender: return Text::tr("male / female / other (男 / 女)");
    case F::EventType: return Text::tr("view, search, cart, favorite or purchase (pv, buy, fav, 浏览, 购买 ...)");
    case F::Group: return Text::tr("treatment or control (实验组 / 对照组)");
    case F::CampaignType: return Text::tr("coupon, flash_sale, member or email");
    case F::CampaignStatus: return Text::tr("draft, scheduled, running, completed or archived");
    case F::OrderStatus: return Text::tr("paid or cancelled");
    case F::Json: return Text::tr("a JSON object");
    case F::UserRef: return Text::tr("a user id");
    case F::CampaignRef: return Text::tr("a campaign name or id");
    case F::SegmentRef: return Text::tr("a segment name");
    }
    return {};
}

std::int64_t earliestPlausibleTime() { return engine::toUnixSeconds(1990, 1, 1); }

std::int64_t latestPlausibleTime() { return QDateTime::currentSecsSinceEpoch() + 86400; }

std::string_view storedWhenEmpty(const TableSpec& table, const FieldSpec& field)
{
    if (table.name == "campaigns" && field.name == "spec") return "'{}'";
    if (table.name == "campaigns" && field.name == "status") return "'draft'";
    if (table.name == "orders" && field.name == "status") return "'paid'";
    return {};
}

} // namespace cwb::model
