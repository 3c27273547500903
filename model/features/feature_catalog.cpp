#include "features/feature_catalog.h"

#include "core/text.h"

namespace cwb::model {

using engine::MissingPolicy;

const std::vector<FeatureDef>& featureCatalog()
{
    static const std::vector<FeatureDef> list{
        {"recency_days", MissingPolicy::Max, false, false, true},
        {"orders", MissingPolicy::Zero, false, true, true},
        {"monetary", MissingPolicy::Zero, false, true, true},
        {"avg_order_value", MissingPolicy::Median, false, true, true},
        {"sessions_per_week", MissingPolicy::Zero, false, true, true},
        {"browse_depth", MissingPolicy::Median, false, false, true},
        {"mean_dwell_seconds", MissingPolicy::Median, false, true, true},
        {"cart_to_purchase", MissingPolicy::Median, false, false, true},
        {"days_since_signup", MissingPolicy::Median, true, false, true},
        {"member_level", MissingPolicy::Zero, false, false, true},
        {"searches", MissingPolicy::Zero, false, true, true},
        {"active_days", MissingPolicy::Zero, false, true, true},
        {"paid_spend", MissingPolicy::Zero, false, true, false},
        {"events", MissingPolicy::Zero, false, true, false},
        {"views", MissingPolicy::Zero, false, true, false},
        {"carts", MissingPolicy::Zero, false, true, false},
        {"favorites", MissingPolicy::Zero, false, true, false},
        {"purchases", MissingPolicy::Zero, false, true, false},
        {"sessions", MissingPolicy::Zero, false, true, false},
        {"weeks_observed", MissingPolicy::Zero, false, false, false},
        {"rfm_r", MissingPolicy::Zero, false, false, false},
        {"rfm_f", MissingPolicy::Zero, false, false, false},
        {"rfm_m", MissingPolicy::Zero, false, false, false},
        {"churn_risk", MissingPolicy::Median, false, false, false},
    };
    return list;
}

const FeatureDef* findFeature(const QString& name)
{
    const QByteArray n = name.toUtf8();
    for (const FeatureDef& f : featureCatalog())
        if (n == f.name) return &f;
    return nullptr;
}

QStringList defaultClusterFeatures()
{
    QStringList names;
    for (const FeatureDef& f : featureCatalog())
        if (f.clusterDefault) names << QString::fromLatin1(f.name);
    return names;
}

namespace {
QString category(const QString& name, const char* prefix)
{
    return name.startsWith(QLatin1String(prefix)) ? name.mid(static_cast<qsizetype>(qstrlen(prefix))) : QString();
}
} // namespace

QString featureLabel(const QString& n)
{
    if (const QString c = category(n, kViewSharePrefix); !c.isEmpty()) return Text::tr("share of views in %1").arg(c);
    if (const QString c = category(n, kPurchaseSharePrefix); !c.isEmpty()) return Text::tr("share of purchases in %1").arg(c);
    if (n == QLatin1String("recency_days")) return Text::tr("days since last order");
    if (n == QLatin1String("orders")) return Text::tr("orders");
    if (n == QLatin1String("monetary")) return Text::tr("spend (net of cancellations)");
    if (n == QLatin1String("paid_spend")) return Text::tr("spend on paid orders");
    if (n == QLatin1String("avg_order_value")) return Text::tr("average order value");
    if (n == QLatin1String("sessions_per_week")) return Text::tr("visits per week");
    if (n == QLatin1String("browse_depth")) return Text::tr("pages viewed per visit");
    if (n == QLatin1String("mean_dwell_seconds")) return Text::tr("seconds per page");
    if (n == QLatin1String("cart_to_purchase")) return Text::tr("purchases per cart addition");
    if (n == QLatin1String("days_since_signup")) return Text::tr("days since sign-up");
    if (n == QLatin1String("days_since_signup_missing")) return Text::tr("sign-up date unknown");
    if (n == QLatin1String("member_level")) return Text::tr("member tier (0 none to 3 platinum)");
    if (n == QLatin1String("searches")) return Text::tr("searches");
    if (n == QLatin1String("active_days")) return Text::tr("active days");
    if (n == QLatin1String("events")) return Text::tr("behaviour events");
    if (n == QLatin1String("views")) return Text::tr("product views");
    if (n == QLatin1String("carts")) return Text::tr("cart additions");
    if (n == QLatin1String("favorites")) return Text::tr("favourites");
    if (n == QLatin1String("purchases")) return Text::tr("purchase events");
    if (n == QLatin1String("sessions")) return Text::tr("visits");
    if (n == QLatin1String("weeks_observed")) return Text::tr("weeks observed");
    if (n == QLatin1String("rfm_r")) return Text::tr("RFM recency score");
    if (n == QLatin1String("rfm_f")) return Text::tr("RFM frequency score");
    if (n == QLatin1String("rfm_m")) return Text::tr("RFM monetary score");
    if (n == QLatin1String("churn_risk")) return Text::tr("churn risk");
    return n;
}

QString describeHigh(const QString& n)
{
    if (const QString c = category(n, kViewSharePrefix); !c.isEmpty()) return Text::tr("mostly browse %1").arg(c);
    if (const QString c = category(n, kPurchaseSharePrefix); !c.isEmpty()) return Text::tr("mostly buy %1").arg(c);
    if (n == QLatin1String("recency_days")) return Text::tr("lapsed");
    if (n == QLatin1String("orders")) return Text::tr("frequent buyers");
    if (n == QLatin1String("monetary") || n == QLatin1String("paid_spend")) return Text::tr("high spend");
    if (n == QLatin1String("avg_order_value")) return Text::tr("big baskets");
    if (n == QLatin1String("sessions_per_week") || n == QLatin1String("sessions")) return Text::tr("visit often");
    if (n == QLatin1String("browse_depth")) return Text::tr("browse deeply");
    if (n == QLatin1String("mean_dwell_seconds")) return Text::tr("linger on pages");
    if (n == QLatin1String("cart_to_purchase")) return Text::tr("carts turn into orders");
    if (n == QLatin1String("days_since_signup")) return Text::tr("long-standing customers");
    if (n == QLatin1String("days_since_signup_missing")) return Text::tr("sign-up date unknown");
    if (n == QLatin1String("member_level")) return Text::tr("higher member tiers");
    if (n == QLatin1String("searches")) return Text::tr("search a lot");
    if (n == QLatin1String("active_days")) return Text::tr("active on many days");
    if (n == QLatin1String("churn_risk")) return Text::tr("likely to lapse");
    return Text::tr("high %1").arg(featureLabel(n));
}

QString describeLow(const QString& n)
{
    if (const QString c = category(n, kViewSharePrefix); !c.isEmpty()) return Text::tr("rarely browse %1").arg(c);
    if (const QString c = category(n, kPurchaseSharePrefix); !c.isEmpty()) return Text::tr("rarely buy %1").arg(c);
    if (n == QLatin1String("recency_days")) return Text::tr("recent buyers");
    if (n == QLatin1String("orders")) return Text::tr("few orders");
    if (n == QLatin1String("monetary") || n == QLatin1String("paid_spend")) return Text::tr("low spend");
    if (n == QLatin1String("avg_order_value")) return Text::tr("small baskets");
    if (n == QLatin1String("sessions_per_week") || n == QLatin1String("sessions")) return Text::tr("rarely visit");
    if (n == QLatin1String("browse_depth")) return Text::tr("short visits");
    if (n == QLatin1String("mean_dwell_seconds")) return Text::tr("skim pages");
    if (n == QLatin1String("cart_to_purchase")) return Text::tr("abandon carts");
    if (n == QLatin1String("days_since_signup")) return Text::tr("recent sign-ups");
    if (n == QLatin1String("member_level")) return Text::tr("mostly non-members");
    if (n == QLatin1String("searches")) return Text::tr("seldom search");
    if (n == QLatin1String("active_days")) return Text::tr("active on few days");
    if (n == QLatin1String("churn_risk")) return Text::tr("likely to stay");
    return Text::tr("low %1").arg(featureLabel(n));
}

} // namespace cwb::model
