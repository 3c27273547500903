#pragma once
// The Reports page: choose one campaign or several to compare, the format
// (PDF or HTML report, CSV target list) and its options, look at the report
// before it leaves (the PDF's pages as they will print, or the target
// list's first rows), export it and open the result. The forecasts are
// worked out on a worker with progress and Cancel; only the drawing of the
// pages (charts are graphics items) happens on the GUI thread, one page per
// turn of the event loop, for the preview and the PDF alike.

#include "report/report_exporter.h"

#include <QImage>
#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QVBoxLayout;

namespace cwb::ui {

class JobLane;
class PdfReportWriter;
class ReportPreview;

class ReportsPage : public QWidget {
    Q_OBJECT
public:
    explicit ReportsPage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    // Lists the workspace's campaigns again (one was created, saved or deleted elsewhere).
    void refreshCampaigns() { listCampaigns(); }
    // Ticks exactly these campaigns in the list (by id); false if one is not listed.
    bool selectCampaigns(const QList<qint64>& ids);
    QList<qint64> selectedCampaigns() const;
    void setFormat(ReportFileFormat format);
    void setPageSize(QPageSize::PageSizeId size);
    void setPseudonymSalt(const QString& salt);   // empty: the shop's ids

    // Works out the selected campaigns' report in the background, then shows it; previewed() follows.
    void preview();
    // The same, then writes `path`; exported() follows. exportReport() asks for the file first.
    void exportTo(const QString& path);
    void exportReport();
    void cancel();

    // What the page shows, for tests and screenshots.
    int listedCampaigns() const;
    int previewPages() const { return int(pages_.size()); }
    const QList<QImage>& previewImages() const { return pages_; }
    QTableWidget* targetPreview() const { return table_; }
    QString statusText() const;
    QString lastExport() const { return lastExport_; }

Q_SIGNALS:
    void campaignsListed();
    void previewed();
    void exported(const QString& path);
    void failed(const QString& message);

private:
    struct Gathered;
    void listCampaigns();
    void run(const QString& exportPath);
    void finish(const Gathered& g, const QString& exportPath, const ReportExportOptions& options);
    void showPages(const QList<QImage>& pages);
    void drawPage(std::shared_ptr<const ReportPreview> preview, int index, int generation);
    void writePdfPage(std::shared_ptr<PdfReportWriter> writer, const QString& path, int generation);
    // Ends an export: `problem` shown when it failed, else `doneText` (or "Wrote PATH.").
    void exportDone(const QString& path, const QString& problem, const QString& doneText = {});
    void showRows(const QStringList& header, const QList<QStringList>& rows, qint64 total);
    void updateOptions();
    ReportExportOptions exportOptions() const;

    QString path_;
    JobLane* listLane_ = nullptr;
    JobLane* reportLane_ = nullptr;
    QListWidget* campaigns_ = nullptr;
    QComboBox* format_ = nullptr;
    QComboBox* pageSize_ = nullptr;
    QCheckBox* pseudonymize_ = nullptr;
    QLineEdit* salt_ = nullptr;
    QCheckBox* bom_ = nullptr;
    QPushButton* previewButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QPushButton* openButton_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* status_ = nullptr;
    QStackedWidget* views_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QWidget* pagesHost_ = nullptr;
    QVBoxLayout* pagesLayout_ = nullptr;
    QTableWidget* table_ = nullptr;
    QList<QImage> pages_;
    QString lastExport_;
    int drawGeneration_ = 0;   // pages of an older preview stop being drawn
};

} // namespace cwb::ui
