#pragma once
// The import wizard: a CSV file into the open workspace, in four steps.
//
//  1. File — how the file is written (encoding, delimiter, header: detected,
//     shown with the reason, changeable), what it holds (a table or a dataset
//     preset, suggested from the header) and the first rows as parsed.
//  2. Columns — which column feeds which field of the table, the suggestions
//     pre-filled and required fields marked; how dates and decimals are
//     written. Skipped for presets, whose columns are fixed.
//  3. Check — a dry run over the whole file on a worker: rows that would be
//     imported, rejects by reason, notes. Nothing is written.
//  4. Import — on a worker with progress, rows/s and cancel (nothing changes
//     on a cancel), then the summary with rejects by reason and the rejects
//     file to open or save.
//
// Everything that reads the file runs off the GUI thread.

#include "import/import_types.h"

#include <QFutureWatcher>
#include <QWizard>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace cwb::model {
struct FileInspection;
}

namespace cwb::ui {

class JobLane;
class ImportReportView;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, ColumnsPage, CheckPage, ImportPage };

    explicit ImportWizard(const QString& workspacePath, QWidget* parent = nullptr);
    ~ImportWizard() override;

    // The files the wizard reads (by their name), and the dialog choosing one
    // (empty when the user cancels).
    static bool isDataFile(const QString& path);
    static QString askForFile(QWidget* parent, const QString& startIn = QString());

    // Reads the start of `file` (in the background; inspected() follows).
    void setFile(const QString& file);
    QString file() const { return file_; }

    // What the wizard will do, as the importer's options.
    model::ImportOptions options() const;

    // For tests and the main window.
    QComboBox* targetBox() const { return target_; }
    QComboBox* encodingBox() const { return encoding_; }
    QComboBox* delimiterBox() const { return delimiter_; }
    QComboBox* headerBox() const { return header_; }
    QStandardItemModel* preview() const { return preview_; }
    QTableWidget* mappingTable() const { return mapping_; }
    QComboBox* columnBox(const QString& field) const;   // the mapping's combo of a field; null if none
    const std::optional<model::ImportReport>& checkReport() const { return checkReport_; }
    const std::optional<model::ImportReport>& importReport() const { return importReport_; }
    JobLane* lane() const { return lane_; }
    bool busy() const;

    int nextId() const override;
    // Asks before stopping a running import; a cancelled import changes nothing.
    void reject() override;

Q_SIGNALS:
    void inspected(bool ok);   // the file page shows the file as now read
    void checked();            // the dry run ended (checkReport() holds what it found)
    void importEnded();        // the import ended in any way (importReport() says how)
    void imported();           // ... and committed rows: the workspace changed

protected:
    void initializePage(int id) override;
    void cleanupPage(int id) override;

private:
    class Step;
    struct Inspection;
    void buildFilePage();
    void buildColumnsPage();
    void buildCheckPage();
    void buildImportPage();
    void chooseFile();
    void reinspect();
    void showInspection(const Inspection& result);
    void fillMapping();
    void mappingChanged(int row);
    // The dry run (o.dryRun) or the import on the lane; done(result) on the GUI thread.
    void startImportJob(const model::ImportOptions& o, std::function<void(const model::Result<model::ImportReport>&)> done);
    void runCheck();
    void runImport(bool force);
    void showImportResult(const model::ImportReport& report);
    QString currentTable() const;
    QString currentPreset() const;
    QString mappingProblem() const;
    QComboBox* rowBox(int row) const;   // the column combo of a mapping row
    int mappedColumn(int row) const;    // its 0-based column, -1 when not imported
    void updateUnmappedColumns();

    QString workspacePath_;
    QString file_;
    std::unique_ptr<model::FileInspection> inspection_;
    int inspectGeneration_ = 0;
    bool targetChosenByUser_ = false;
    bool filling_ = false;   // set while the wizard itself changes the combos

    // File page
    Step* filePage_ = nullptr;
    QLineEdit* fileEdit_ = nullptr;
    QComboBox* target_ = nullptr;
    QLabel* targetNote_ = nullptr;
    QComboBox* encoding_ = nullptr;
    QComboBox* delimiter_ = nullptr;
    QComboBox* header_ = nullptr;
    QLabel* detected_ = nullptr;
    QStandardItemModel* preview_ = nullptr;
    QTableView* previewView_ = nullptr;

    // Columns page
    Step* columnsPage_ = nullptr;
    QTableWidget* mapping_ = nullptr;
    QLabel* unmapped_ = nullptr;
    QLabel* mappingNote_ = nullptr;
    QComboBox* dateOrder_ = nullptr;
    QComboBox* decimal_ = nullptr;
    QCheckBox* createUsers_ = nullptr;
    QString mappedTable_;   // the table the mapping rows were made for; cleared when the file is read again

    // Check page
    Step* checkPage_ = nullptr;
    QLabel* checkStatus_ = nullptr;
    QProgressBar* checkProgress_ = nullptr;
    ImportReportView* checkView_ = nullptr;
    std::optional<model::ImportReport> checkReport_;

    // Import page
    Step* importPage_ = nullptr;
    QLabel* importStatus_ = nullptr;
    QProgressBar* importProgress_ = nullptr;
    ImportReportView* importView_ = nullptr;
    QPushButton* importAgain_ = nullptr;
    QPushButton* openRejects_ = nullptr;
    QPushButton* saveRejects_ = nullptr;
    std::optional<model::ImportReport> importReport_;

    JobLane* lane_ = nullptr;   // the dry run and the import
};

} // namespace cwb::ui
