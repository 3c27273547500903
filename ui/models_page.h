#pragma once
// The Models page: train an uptake or uplift model (learner, target, uplift
// on or off) with progress and Cancel, list the workspace's models, and read
// one's quality on the rows it was not trained on — AUC, log loss, Brier,
// decisions at a threshold, calibration, and for uplift models Qini, AUUC and
// uplift in the top deciles — as figures and charts (ROC, calibration, gain
// or Qini, what drives the predictions), with the warnings that come with
// it and which model the campaign forecasts use.

#include "training/trainer.h"

#include <QWidget>

class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cwb::ui {

class JobLane;

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    void setTrainChoice(engine::BaseLearner learner, model::Outcome target, bool uplift);
    // Trains with the form's choices in the background; trained() follows.
    void train();
    // Evaluates a listed model on its test rows in the background; shown() follows. False if not listed.
    bool selectModel(qint64 id);
    void cancel();

    // What the page shows, for tests and screenshots.
    int listedModels() const;
    qint64 shownModel() const { return shown_; }
    QString metricsText() const;
    QString warningsText() const;
    QString forecastModelText() const;
    QString statusText() const;
    QList<QChartView*> charts() const { return charts_; }

Q_SIGNALS:
    void modelsListed();
    void shown(qint64 modelId);
    void trained(qint64 modelId);
    void failed(const QString& message);

private:
    struct Shown;
    void listModels(qint64 select = 0);
    void show(const Shown& s);
    void clearShown();

    QString path_;
    JobLane* listLane_ = nullptr;
    JobLane* workLane_ = nullptr;
    QComboBox* learner_ = nullptr;
    QComboBox* target_ = nullptr;
    QCheckBox* uplift_ = nullptr;
    QPushButton* trainButton_ = nullptr;
    QTableWidget* models_ = nullptr;
    QLabel* forecastModel_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* metrics_ = nullptr;
    QLabel* warnings_ = nullptr;
    QList<QChartView*> charts_;
    qint64 shown_ = 0;
};

} // namespace cwb::ui
