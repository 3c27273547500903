#pragma once
// A number a marketer sets with a slider or types: a QSlider over the usual
// range and a spin box that takes any allowed value (the slider stays at its
// end for values beyond its range). The value is in the campaign spec's unit;
// a scale shows shares as percentages (0.1 shown as 10 %).

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace cwb::ui {

class NumberField : public QWidget {
    Q_OBJECT
public:
    struct Range {
        double sliderMin = 0, sliderMax = 100, step = 1;   // shown units
        double spinMin = 0, spinMax = 100;
        int decimals = 0;
        QString prefix, suffix;                             // "¥", " %", " days", ...
        double scale = 1;                                   // shown = value x scale
        QString specialValueText;                           // shown at spinMin ("no limit")
    };
    explicit NumberField(const Range& range, QWidget* parent = nullptr);

    void setRange(const Range& range);
    const Range& range() const { return range_; }
    double value() const;
    // Shows `value` without sending edited().
    void setValue(double value);
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }

Q_SIGNALS:
    // The user moved the slider or changed the spin box: the new value.
    void edited(double value);

private:
    void fromSlider(int position);
    void fromSpin(double shown);
    int position(double shown) const;

    Range range_;
    QSlider* slider_ = nullptr;
    QDoubleSpinBox* spin_ = nullptr;
};

} // namespace cwb::ui
