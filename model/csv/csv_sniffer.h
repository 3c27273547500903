#pragma once
// Works out how a CSV file is written — encoding, delimiter, header — from
// its first megabyte, and parses a preview of its first rows.

#include "core/error.h"
#include "csv/csv_reader.h"
#include "csv/text_decoder.h"

#include <QList>
#include <QStringList>

#include <optional>
#include <string_view>

namespace cwb::model {

struct CsvSniff {
    CsvDialect dialect;
    bool hasHeader = true;
    int columns = 0;
    QString reason;   // why this delimiter, in words
};

// Tries comma, semicolon, tab and pipe on the sample and keeps the one that
// splits the most lines into the same number of fields.
CsvSniff sniffDialect(std::string_view utf8Sample, std::optional<char> delimiter = {},
                      std::optional<bool> header = {});

struct FileInspection {
    EncodingGuess encoding;
    CsvSniff sniff;
    QStringList header;                 // column names ("column 1" ... when there is no header row)
    QList<QStringList> rows;            // the first data rows, as parsed
    qint64 fileSize = 0;
    bool compressed = false;
    bool sampleIsWholeFile = false;
};

// Reads the start of `path`. `encoding` "auto" detects; `delimiter` 0 detects.
Result<FileInspection> inspectFile(const QString& path, const QString& encoding = QStringLiteral("auto"),
                                   char delimiter = 0, std::optional<bool> header = {}, int previewRows = 1000);

QString delimiterName(char delimiter);   // "," ";" "tab" "|"
// Parses a --delimiter argument: one character or comma/semicolon/tab/pipe; 0 if invalid.
char parseDelimiterName(const QString& name);

} // namespace cwb::model
