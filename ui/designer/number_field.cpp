#include "designer/number_field.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

NumberField::NumberField(const Range& range, QWidget* parent) : QWidget(parent)
{
    slider_ = new QSlider(Qt::Horizontal, this);
    spin_ = new QDoubleSpinBox(this);
    spin_->setKeyboardTracking(false);   // a typed number counts once it is complete
    spin_->setMinimumWidth(96);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    setRange(range);
    connect(slider_, &QSlider::valueChanged, this, &NumberField::fromSlider);
    connect(spin_, &QDoubleSpinBox::valueChanged, this, &NumberField::fromSpin);
}

void NumberField::setRange(const Range& range)
{
    const double current = value();
    range_ = range;
    const QSignalBlocker a(slider_), b(spin_);
    slider_->setRange(0, std::max(1, int(std::lround((range.sliderMax - range.sliderMin) / range.step))));
    slider_->setPageStep(std::max(1, slider_->maximum() / 10));
    spin_->setDecimals(range.decimals);
    spin_->setRange(range.spinMin, range.spinMax);
    spin_->setSingleStep(range.step);
    spin_->setPrefix(range.prefix);
    spin_->setSuffix(range.suffix);
    spin_->setSpecialValueText(range.specialValueText);
    setValue(current);
}

double NumberField::value() const { return spin_->value() / range_.scale; }

void NumberField::setValue(double value)
{
    const QSignalBlocker a(slider_), b(spin_);
    spin_->setValue(value * range_.scale);
    slider_->setValue(position(spin_->value()));
}

int NumberField::position(double shown) const
{
    return std::clamp(int(std::lround((shown - range_.sliderMin) / range_.step)), slider_->minimum(), slider_->maximum());
}

void NumberField::fromSlider(int position)
{
    {
        const QSignalBlocker b(spin_);
        spin_->setValue(range_.sliderMin + position * range_.step);
    }
    Q_EMIT edited(value());
}

void NumberField::fromSpin(double shown)
{
    {
        const QSignalBlocker b(slider_);
        slider_->setValue(position(shown));
    }
    Q_EMIT edited(value());
}

} // namespace cwb::ui
