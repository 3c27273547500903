#pragma once
// Reads, decodes and parses a CSV file on a thread of its own and hands the
// records over in batches, so that the import's own thread only validates
// and writes (SQLite is single-threaded per connection; on two cores this
// overlaps the two halves of the work). Batches are recycled; at most a few
// are in flight, which bounds memory whatever the file's size.

#include "core/error.h"
#include "csv/csv_reader.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace cwb::model {

class ByteSource;
class TextDecoder;

struct RecordBatch {
    struct Meta {
        qint64 line = 0;
        std::uint32_t firstField = 0;
        std::uint32_t fieldCount = 0;
        CsvRecord::Problem problem = CsvRecord::Problem::None;
        int problemColumn = 0;
        int invalidColumn = 0;   // 1-based field holding bytes invalid in the encoding, 0 if none
    };
    std::string bytes;                  // the fields' text, back to back
    std::vector<std::size_t> fieldEnds; // end of each field in `bytes`
    std::vector<Meta> records;
    qint64 bytesRead = 0;               // position in the file after this batch

    // Points `record` at record i of this batch.
    void load(std::size_t i, CsvRecord& record) const;
    void clear();
};

class RecordPipeline {
public:
    // Starts reading at once. `skipFirst` drops the header record.
    RecordPipeline(ByteSource& source, TextDecoder& decoder, CsvDialect dialect, bool skipFirst);
    ~RecordPipeline();
    RecordPipeline(const RecordPipeline&) = delete;
    RecordPipeline& operator=(const RecordPipeline&) = delete;

    // The next batch, or nullptr when the file is done (or failed: see fatal()).
    // Hand each batch back with recycle() when finished with it.
    RecordBatch* next();
    void recycle(RecordBatch* batch);
    // Stops reading early (cancel); next() then returns nullptr.
    void stop();

    // Valid once next() returned nullptr.
    const std::optional<Error>& fatal() const { return fatal_; }
    qint64 lines() const { return lines_; }
    qint64 bareQuotes() const { return bareQuotes_; }
    QByteArray sha256() const { return sha256_; }

private:
    void run();

    ByteSource& source_;
    TextDecoder& decoder_;
    CsvDialect dialect_;
    bool skipFirst_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<RecordBatch>> full_, free_;
    std::vector<std::unique_ptr<RecordBatch>> inUse_;
    bool finished_ = false;
    bool stopping_ = false;

    std::optional<Error> fatal_;
    qint64 lines_ = 0;
    qint64 bareQuotes_ = 0;
    QByteArray sha256_;
    std::thread thread_;
};

} // namespace cwb::model
