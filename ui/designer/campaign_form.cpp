#include "designer/campaign_form.h"

#include "report/report_builder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cwb::ui {

namespace {

using engine::CampaignSpec;
using engine::CampaignType;

const char* const kTypeKeys[] = {"coupon", "flash_sale", "member"};
const char* const kChannels[] = {"sms", "push", "email", "app"};

// Where a problem of the spec is shown: the form's field that edits it.
QString formField(const QString& field)
{
    if (field == QLatin1String("coupon.amount_off")) return QStringLiteral("coupon.percent_off");
    if (field == QLatin1String("target")) return QStringLiteral("target.include");
    return field;
}

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

NumberField::Range percentRange(double sliderMax, double step = 0.5)
{
    NumberField::Range r;
    r.sliderMin = 0;
    r.sliderMax = sliderMax;
    r.step = step;
    r.spinMin = 0;
    r.spinMax = 100;
    r.decimals = 1;
    r.suffix = QStringLiteral(" %");
    return r;
}

} // namespace

QString channelName(const QString& key)
{
    if (key == QLatin1String("sms")) return CampaignForm::tr("SMS");
    if (key == QLatin1String("push")) return CampaignForm::tr("App push");
    if (key == QLatin1String("email")) return CampaignForm::tr("E-mail");
    if (key == QLatin1String("app")) return CampaignForm::tr("In-app banner");
    return key;
}

CampaignForm::CampaignForm(QWidget* parent) : QWidget(parent)
{
    general_ = problemLabel(this);

    // What and when.
    auto* basics = new QGroupBox(tr("Campaign"), this);
    auto* basicsForm = new QFormLayout(basics);
    name_ = new QLineEdit(basics);
    addRow(basicsForm, QStringLiteral("name"), tr("Name"), name_);
    type_ = new QComboBox(basics);
    for (const char* key : kTypeKeys) type_->addItem(campaignTypeName(QLatin1String(key)), QLatin1String(key));
    addRow(basicsForm, QStringLiteral("type"), tr("Type"), type_);
    start_ = new QDateTimeEdit(basics);
    start_->setCalendarPopup(true);
    start_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // No start (0, as in a campaign imported without one) reads "not set", not 1970-01-01.
    start_->setMinimumDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0)));
    start_->setSpecialValueText(tr("not set"));
    addRow(basicsForm, QStringLiteral("start"), tr("Starts"), start_, tr("When the offer goes out, in this computer's time zone."));

    // The offer: one page per type.
    typePages_ = new QStackedWidget(this);
    auto* coupon = new QGroupBox(tr("Coupon"), typePages_);
    auto* couponForm = new QFormLayout(coupon);
    couponKind_ = new QComboBox(coupon);
    couponKind_->addItem(tr("Percent off the order"), QStringLiteral("percent"));
    couponKind_->addItem(tr("Amount off the order"), QStringLiteral("amount"));
    addRow(couponForm, QStringLiteral("coupon.kind"), tr("Discount type"), couponKind_);
    addNumber(
        couponForm, QStringLiteral("coupon.percent_off"), tr("Discount"), tr("How much the coupon takes off an order that reaches the threshold."),
        [](const CampaignSpec& s) { return s.coupon.amountOff > 0 ? s.coupon.amountOff : s.coupon.percentOff; },
        [](CampaignSpec& s, double v) {
            if (s.coupon.amountOff > 0) s.coupon.amountOff = v;
            else s.coupon.percentOff = v;
        },
        percentRange(50));
    NumberField::Range money;
    money.sliderMax = 1000;
    money.step = 1;
    money.spinMax = 1e7;
    money.decimals = 0;
    money.specialValueText = tr("none");
    addNumber(
        couponForm, QStringLiteral("coupon.min_spend"), tr("Minimum spend"), tr("The order must reach this before the coupon applies; none = any order."),
        [](const CampaignSpec& s) { return s.coupon.minSpend; }, [](CampaignSpec& s, double v) { s.coupon.minSpend = v; }, money);
    NumberField::Range days;
    days.sliderMin = 1;
    days.sliderMax = 60;
    days.spinMin = 0;
    days.spinMax = 400;
    days.suffix = tr(" days");
    addNumber(
        couponForm, QStringLiteral("coupon.validity_days"), tr("Valid for"), {}, [](const CampaignSpec& s) { return double(s.coupon.validityDays); },
        [](CampaignSpec& s, double v) { s.coupon.validityDays = int(v); }, days);
    perUserLimit_ = new QSpinBox(coupon);
    perUserLimit_->setRange(0, 100);
    addRow(couponForm, QStringLiteral("coupon.per_user_limit"), tr("Uses per customer"), perUserLimit_);
    quantity_ = new QSpinBox(coupon);
    quantity_->setRange(0, 100000000);
    quantity_->setSingleStep(1000);
    quantity_->setGroupSeparatorShown(true);
    quantity_->setSpecialValueText(tr("no limit"));
    addRow(couponForm, QStringLiteral("coupon.total_quantity"), tr("Coupons on offer"), quantity_,
           tr("Redemptions stop here; the forecast reaches only as many customers as the coupons serve."));
    typePages_->addWidget(coupon);

    auto* flash = new QGroupBox(tr("Flash sale"), typePages_);
    auto* flashForm = new QFormLayout(flash);
    addNumber(
        flashForm, QStringLiteral("flash_sale.percent_off"), tr("Discount"), {}, [](const CampaignSpec& s) { return s.flashSale.percentOff; },
        [](CampaignSpec& s, double v) { s.flashSale.percentOff = v; }, percentRange(70));
    NumberField::Range hours;
    hours.sliderMin = 1;
    hours.sliderMax = 72;
    hours.step = 1;
    hours.spinMin = 0;
    hours.spinMax = 400;
    hours.decimals = 1;
    hours.suffix = tr(" hours");
    addNumber(
        flashForm, QStringLiteral("flash_sale.duration_hours"), tr("Duration"), {}, [](const CampaignSpec& s) { return s.flashSale.durationHours; },
        [](CampaignSpec& s, double v) { s.flashSale.durationHours = v; }, hours);
    stock_ = new QSpinBox(flash);
    stock_->setRange(0, 100000000);
    stock_->setSingleStep(100);
    stock_->setGroupSeparatorShown(true);
    stock_->setSpecialValueText(tr("no limit"));
    addRow(flashForm, QStringLiteral("flash_sale.stock_limit"), tr("Units on sale"), stock_);
    categories_ = checkList();
    addRow(flashForm, QStringLiteral("flash_sale.categories"), tr("Categories"), categories_, tr("None ticked: the whole shop is on sale."));
    typePages_->addWidget(flash);

    auto* member = new QGroupBox(tr("Member-exclusive offer"), typePages_);
    auto* memberForm = new QFormLayout(member);
    tiers_ = checkList();
    addRow(memberForm, QStringLiteral("member.tiers"), tr("Member tiers"), tiers_, tr("None ticked: every member."));
    addNumber(
        memberForm, QStringLiteral("member.percent_off"), tr("Discount"), {}, [](const CampaignSpec& s) { return s.member.percentOff; },
        [](CampaignSpec& s, double v) { s.member.percentOff = v; }, percentRange(50));
    NumberField::Range points;
    points.sliderMin = 1;
    points.sliderMax = 10;
    points.step = 0.5;
    points.spinMin = 0;
    points.spinMax = 50;
    points.decimals = 1;
    points.prefix = QStringLiteral("× ");
    addNumber(
        memberForm, QStringLiteral("member.points_multiplier"), tr("Points multiplier"), tr("1 = the usual points; 3 = three times the points on orders."),
        [](const CampaignSpec& s) { return s.member.pointsMultiplier; }, [](CampaignSpec& s, double v) { s.member.pointsMultiplier = v; }, points);
    NumberField::Range memberDays = days;
    memberDays.decimals = 0;
    addNumber(
        memberForm, QStringLiteral("member.duration_days"), tr("Duration"), {}, [](const CampaignSpec& s) { return s.member.durationDays; },
        [](CampaignSpec& s, double v) { s.member.durationDays = v; }, memberDays);
    typePages_->addWidget(member);

    // Who gets it.
    auto* audience = new QGroupBox(tr("Who gets it"), this);
    auto* audienceForm = new QFormLayout(audience);
    include_ = checkList();
    addRow(audienceForm, QStringLiteral("target.include"), tr("Segments"), include_, tr("None ticked: every customer."));
    exclude_ = checkList();
    addRow(audienceForm, QStringLiteral("target.exclude"), tr("Leave out"), exclude_);
    NumberField::Range depth;
    depth.sliderMin = 1;
    depth.sliderMax = 100;
    depth.step = 1;
    depth.spinMin = 0;
    depth.spinMax = 100;
    depth.suffix = QStringLiteral(" %");
    depth.scale = 100;
    addNumber(
        audienceForm, QStringLiteral("target.share"), tr("Targeting depth"),
        tr("The share of those customers reached, the most profitable to reach first."), [](const CampaignSpec& s) { return s.targetShare; },
        [](CampaignSpec& s, double v) { s.targetShare = v; }, depth);
    NumberField::Range control = depth;
    control.sliderMin = 0;
    control.sliderMax = 50;
    control.decimals = 1;
    control.step = 0.5;
    addNumber(
        audienceForm, QStringLiteral("control_share"), tr("Control group"),
        tr("Held out at random, with no offer, to measure what the campaign adds."), [](const CampaignSpec& s) { return s.controlShare; },
        [](CampaignSpec& s, double v) { s.controlShare = v; }, control);
    measureUplift_ = new QCheckBox(tr("against the control group"), audience);
    addRow(audienceForm, QStringLiteral("measure_uplift"), tr("Measure the effect"), measureUplift_);

    // Delivery and money.
    auto* costs = new QGroupBox(tr("Delivery and money"), this);
    auto* costsForm = new QFormLayout(costs);
    channel_ = new QComboBox(costs);
    for (const char* key : kChannels) channel_->addItem(channelName(QLatin1String(key)), QLatin1String(key));
    addRow(costsForm, QStringLiteral("channel"), tr("Channel"), channel_);
    NumberField::Range contact;
    contact.sliderMax = 2;
    contact.step = 0.01;
    contact.spinMax = 1000;
    contact.decimals = 2;
    addNumber(
        costsForm, QStringLiteral("cost_per_contact"), tr("Cost per contact"), {}, [](const CampaignSpec& s) { return s.costPerContact; },
        [](CampaignSpec& s, double v) { s.costPerContact = v; }, contact);
    NumberField::Range budget;
    budget.sliderMax = 500000;
    budget.step = 1000;
    budget.spinMax = 1e10;
    budget.specialValueText = tr("no cap");
    addNumber(
        costsForm, QStringLiteral("budget"), tr("Budget"), tr("The campaign stops reaching customers where the expected cost would pass it."),
        [](const CampaignSpec& s) { return s.budget; }, [](CampaignSpec& s, double v) { s.budget = v; }, budget);
    NumberField::Range margin = depth;
    margin.sliderMin = 1;
    margin.sliderMax = 90;
    addNumber(
        costsForm, QStringLiteral("gross_margin"), tr("Gross margin"), tr("The share of revenue the shop keeps before the discount."),
        [](const CampaignSpec& s) { return s.grossMargin; }, [](CampaignSpec& s, double v) { s.grossMargin = v; }, margin);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(general_);
    layout->addWidget(basics);
    layout->addWidget(typePages_);
    layout->addWidget(audience);
    layout->addWidget(costs);
    layout->addStretch(1);
    editors_ << name_ << type_ << start_ << couponKind_ << perUserLimit_ << quantity_ << stock_ << categories_ << tiers_ << include_ << exclude_
             << measureUplift_ << channel_;
    setMoneyUnits();

    connect(name_, &QLineEdit::textEdited, this, [this](const QString& text) {
        spec_.name = text.toStdString();
        change(QStringLiteral("name"));
    });
    connect(type_, &QComboBox::currentIndexChanged, this, [this] {
        engine::parseCampaignType(type_->currentData().toString().toStdString(), spec_.type);
        // A type's terms start from something that is an offer.
        if (spec_.type == CampaignType::Coupon && !(spec_.coupon.percentOff > 0) && !(spec_.coupon.amountOff > 0)) spec_.coupon.percentOff = 10;
        if (spec_.type == CampaignType::FlashSale && !(spec_.flashSale.percentOff > 0)) spec_.flashSale.percentOff = 20;
        if (spec_.type == CampaignType::Member && !(spec_.member.percentOff > 0) && !(spec_.member.pointsMultiplier > 1)) spec_.member.percentOff = 10;
        setSpec(spec_);
        change(QStringLiteral("type"));
    });
    connect(start_, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime& t) {
        spec_.startTs = t == start_->minimumDateTime() ? 0 : t.toSecsSinceEpoch();
        change(QStringLiteral("start"));
    });
    connect(couponKind_, &QComboBox::currentIndexChanged, this, &CampaignForm::couponKindChanged);
    connect(perUserLimit_, &QSpinBox::valueChanged, this, [this](int v) {
        spec_.coupon.perUserLimit = v;
        change(QStringLiteral("coupon.per_user_limit"));
    });
    connect(quantity_, &QSpinBox::valueChanged, this, [this](int v) {
        spec_.coupon.totalQuantity = v;
        change(QStringLiteral("coupon.total_quantity"));
    });
    connect(stock_, &QSpinBox::valueChanged, this, [this](int v) {
        spec_.flashSale.stockLimit = v;
        change(QStringLiteral("flash_sale.stock_limit"));
    });
    connect(categories_, &QListWidget::itemChanged, this, [this] {
        spec_.flashSale.categories = checked(categories_);
        change(QStringLiteral("flash_sale.categories"));
    });
    connect(tiers_, &QListWidget::itemChanged, this, [this] {
        spec_.member.tiers = checked(tiers_);
        change(QStringLiteral("member.tiers"));
    });
    connect(include_, &QListWidget::itemChanged, this, [this] {
        spec_.includeSegments = checked(include_);
        change(QStringLiteral("target.include"));
    });
    connect(exclude_, &QListWidget::itemChanged, this, [this] {
        spec_.excludeSegments = checked(exclude_);
        change(QStringLiteral("target.exclude"));
    });
    connect(measureUplift_, &QCheckBox::toggled, this, [this](bool on) {
        spec_.measureUplift = on;
        change(QStringLiteral("measure_uplift"));
    });
    connect(channel_, &QComboBox::currentIndexChanged, this, [this] {
        spec_.channel = channel_->currentData().toString().toStdString();
        change(QStringLiteral("channel"));
    });
}

void CampaignForm::addRow(QFormLayout* form, const QString& field, const QString& label, QWidget* widget, const QString& tip)
{
    auto* box = new QWidget(widget->parentWidget());
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(widget);
    if (!tip.isEmpty()) {
        auto* hint = new QLabel(tip, box);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("color: #616161;"));
        v->addWidget(hint);
    }
    QLabel* problem = problemLabel(box);
    v->addWidget(problem);
    problems_.insert(field, problem);
    form->addRow(label, box);
}

NumberField* CampaignForm::addNumber(QFormLayout* form, const QString& field, const QString& label, const QString& tip, Get get, Set set,
                                     const NumberField::Range& range)
{
    auto* number = new NumberField(range, form->parentWidget());
    numbers_.insert(field, Number{number, get, set});
    addRow(form, field, label, number, tip);
    editors_ << number;
    connect(number, &NumberField::edited, this, [this, field, set](double v) {
        set(spec_, v);
        change(field);
    });
    return number;
}

QListWidget* CampaignForm::checkList()
{
    auto* list = new QListWidget(this);
    list->setMaximumHeight(110);
    return list;
}

void CampaignForm::setChecked(QListWidget* list, const QStringList& all, const std::vector<std::string>& checkedNames)
{
    const QSignalBlocker block(list);
    list->clear();
    QStringList names = all;
    for (const std::string& n : checkedNames)   // a name the workspace no longer has is still shown, ticked
        if (!names.contains(QString::fromStdString(n))) names << QString::fromStdString(n);
    for (const QString& n : names) {
        auto* item = new QListWidgetItem(n, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = std::find(checkedNames.begin(), checkedNames.end(), n.toStdString()) != checkedNames.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<std::string> CampaignForm::checked(const QListWidget* list)
{
    std::vector<std::string> out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked) out.push_back(list->item(i)->text().toStdString());
    return out;
}

void CampaignForm::setChoices(const Choices& choices)
{
    choices_ = choices;
    setMoneyUnits();
    setSpec(spec_);
}

void CampaignForm::setMoneyUnits()
{
    for (const QString& field : {QStringLiteral("coupon.min_spend"), QStringLiteral("cost_per_contact"), QStringLiteral("budget")}) {
        NumberField* f = numbers_.value(field).field;
        NumberField::Range r = f->range();
        r.prefix = choices_.currencySymbol;
        f->setRange(r);
    }
}

void CampaignForm::couponKindChanged()
{
    const bool amount = couponKind_->currentData().toString() == QLatin1String("amount");
    // The value carries over: 20 % off becomes 20 off, and back.
    const double v = numbers_.value(QStringLiteral("coupon.percent_off")).get(spec_);
    spec_.coupon.amountOff = amount ? v : 0;
    spec_.coupon.percentOff = amount ? 0 : v;
    setSpec(spec_);
    change(QStringLiteral("coupon.percent_off"));
}

void CampaignForm::setSpec(const CampaignSpec& spec)
{
    spec_ = spec;
    const QSignalBlocker b1(name_), b2(type_), b3(start_), b4(couponKind_), b5(perUserLimit_), b6(quantity_), b7(stock_), b8(measureUplift_), b9(channel_);
    if (name_->text().toStdString() != spec.name) name_->setText(QString::fromStdString(spec.name));
    type_->setCurrentIndex(type_->findData(QLatin1String(engine::campaignTypeKey(spec.type))));
    start_->setDateTime(spec.startTs > 0 ? QDateTime::fromSecsSinceEpoch(spec.startTs) : start_->minimumDateTime());
    const bool amount = spec.coupon.amountOff > 0;
    couponKind_->setCurrentIndex(amount ? 1 : 0);
    NumberField* discount = numbers_.value(QStringLiteral("coupon.percent_off")).field;
    NumberField::Range r = percentRange(50);
    if (amount) {
        r.sliderMax = 300;
        r.step = 1;
        r.spinMax = 1e6;
        r.decimals = 0;
        r.suffix.clear();
        r.prefix = choices_.currencySymbol;
    }
    discount->setRange(r);
    perUserLimit_->setValue(spec.coupon.perUserLimit);
    quantity_->setValue(int(std::min<std::int64_t>(spec.coupon.totalQuantity, quantity_->maximum())));
    stock_->setValue(int(std::min<std::int64_t>(spec.flashSale.stockLimit, stock_->maximum())));
    setChecked(categories_, choices_.categories, spec.flashSale.categories);
    setChecked(tiers_, choices_.tiers, spec.member.tiers);
    setChecked(include_, choices_.segments, spec.includeSegments);
    setChecked(exclude_, choices_.segments, spec.excludeSegments);
    measureUplift_->setChecked(spec.measureUplift);
    const int channel = channel_->findData(QString::fromStdString(spec.channel));
    channel_->setCurrentIndex(channel);
    for (const Number& n : numbers_) n.field->setValue(n.get(spec));
    showTypePage();
}

void CampaignForm::showTypePage() { typePages_->setCurrentIndex(int(spec_.type)); }

void CampaignForm::setReadOnly(bool readOnly)
{
    for (QWidget* w : editors_) w->setEnabled(!readOnly);
}

void CampaignForm::change(const QString& field) { Q_EMIT edited(field, spec_); }

void CampaignForm::showProblems(const QList<QPair<QString, QString>>& problems)
{
    QHash<QString, QStringList> byField;
    QStringList general;
    for (const auto& [field, message] : problems) {
        const QString f = formField(field);
        if (problems_.contains(f)) byField[f] << message;
        else general << message;
    }
    for (auto it = problems_.begin(); it != problems_.end(); ++it) {
        const QStringList messages = byField.value(it.key());
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
    general_->setText(general.join(QLatin1Char('\n')));
    general_->setVisible(!general.isEmpty());
}

QString CampaignForm::problemText(const QString& field) const
{
    const QLabel* label = problems_.value(formField(field));
    return label && !label->text().isEmpty() ? label->text() : QString();
}

int CampaignForm::problemsShown() const
{
    int n = general_->text().isEmpty() ? 0 : 1;
    for (const QLabel* label : problems_)
        if (!label->text().isEmpty()) ++n;
    return n;
}

} // namespace cwb::ui
