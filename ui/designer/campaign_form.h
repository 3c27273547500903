#pragma once
// The campaign designer's form: the fields of the campaign's type (coupon,
// flash sale or member-exclusive offer) and the common ones (who it targets,
// the control group, channel and costs, budget and margin), numbers with a
// slider and a spin box. It edits a copy of an engine::CampaignSpec and says
// which field the user changed; problems are shown next to their field.

#include "campaign/campaign_spec.h"
#include "designer/number_field.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace cwb::ui {

class CampaignForm : public QWidget {
    Q_OBJECT
public:
    explicit CampaignForm(QWidget* parent = nullptr);

    // What the lists offer: the workspace's segments, product categories and member tiers.
    struct Choices {
        QStringList segments, categories, tiers;
        QString currencySymbol;
    };
    void setChoices(const Choices& choices);
    // Shows `spec` (no edited() signal).
    void setSpec(const engine::CampaignSpec& spec);
    const engine::CampaignSpec& spec() const { return spec_; }
    void setReadOnly(bool readOnly);
    // Shows each (field, message) next to its field ("coupon.percent_off", "target", ...); a
    // problem of no field on the form goes at the top. An empty list clears them.
    void showProblems(const QList<QPair<QString, QString>>& problems);
    QString problemText(const QString& field) const;   // what the field's line shows, "" when none
    int problemsShown() const;

    // The widgets, for tests and the benchmark: numbers by their spec field.
    NumberField* numberField(const QString& field) const { return numbers_.value(field).field; }
    QLineEdit* nameEdit() const { return name_; }
    QDateTimeEdit* startEdit() const { return start_; }
    QComboBox* typeBox() const { return type_; }
    QComboBox* couponKindBox() const { return couponKind_; }
    QComboBox* channelBox() const { return channel_; }
    QListWidget* segmentList(bool exclude) const { return exclude ? exclude_ : include_; }

Q_SIGNALS:
    // The user changed `field` (a spec key such as "coupon.percent_off"); `spec` is the result.
    void edited(const QString& field, const engine::CampaignSpec& spec);

private:
    using Get = double (*)(const engine::CampaignSpec&);
    using Set = void (*)(engine::CampaignSpec&, double);
    struct Number {
        NumberField* field = nullptr;
        Get get = nullptr;
        Set set = nullptr;
    };
    NumberField* addNumber(QFormLayout* form, const QString& field, const QString& label, const QString& tip, Get get, Set set,
                           const NumberField::Range& range);
    void addRow(QFormLayout* form, const QString& field, const QString& label, QWidget* widget, const QString& tip = {});
    QListWidget* checkList();
    void setChecked(QListWidget* list, const QStringList& all, const std::vector<std::string>& checked);
    static std::vector<std::string> checked(const QListWidget* list);
    void change(const QString& field);
    void couponKindChanged();
    void showTypePage();
    void setMoneyUnits();

    engine::CampaignSpec spec_;
    Choices choices_;
    QHash<QString, Number> numbers_;
    QHash<QString, QLabel*> problems_;   // field -> its message line
    QLabel* general_ = nullptr;          // problems of no field on the form

    QLineEdit* name_ = nullptr;
    QComboBox* type_ = nullptr;
    QDateTimeEdit* start_ = nullptr;
    QStackedWidget* typePages_ = nullptr;
    QComboBox* couponKind_ = nullptr;
    QSpinBox* perUserLimit_ = nullptr;
    QSpinBox* quantity_ = nullptr;
    QSpinBox* stock_ = nullptr;
    QListWidget* categories_ = nullptr;
    QListWidget* tiers_ = nullptr;
    QListWidget* include_ = nullptr;
    QListWidget* exclude_ = nullptr;
    QCheckBox* measureUplift_ = nullptr;
    QComboBox* channel_ = nullptr;
    QList<QWidget*> editors_;   // everything read-only turns off
};

// The channel's name in the user's language (sms, push, email, app).
QString channelName(const QString& key);

} // namespace cwb::ui
