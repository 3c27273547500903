#include "import/record_pipeline.h"

#include "csv/byte_source.h"
#include "csv/text_decoder.h"

#include <QCryptographicHash>

#include <array>
#include <future>

namespace cwb::model {

namespace {

constexpr std::size_t kBatchRecords = 4096;
constexpr std::size_t kBatchBytes = std::size_t(8) << 20;
constexpr std::size_t kBatchesInFlight = 4;

// Reads raw chunks, hashes each on a helper thread while it is decoded, and
// passes UTF-8 on to the CSV reader.
class HashingTextSource final : public TextSource {
public:
    HashingTextSource(ByteSource& bytes, TextDecoder& decoder) : bytes_(bytes), decoder_(decoder)
    {
        for (auto& b : buffers_) b.resize(1 << 20);
    }
    ~HashingTextSource() override
    {
        if (pending_.valid()) pending_.wait();
    }
    bool readMore(std::string& out) override
    {
        if (done_) return false;
        std::vector<char>& buffer = buffers_[next_];
        next_ ^= 1;
        // This buffer was hashed two chunks ago; make sure that is finished.
        if (pending_.valid()) pending_.get();
        const qint64 n = bytes_.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (n == 0) {
            done_ = true;
            const std::size_t before = out.size();
            decoder_.decode({}, out, true);
            return out.size() > before;
        }
        pending_ = std::async(std::launch::async, [this, &buffer, n] { hash_.addData(QByteArrayView(buffer.data(), n)); });
        decoder_.decode(std::string_view(buffer.data(), static_cast<std::size_t>(n)), out, false);
        return true;
    }
    QByteArray sha256()
    {
        if (pending_.valid()) pending_.get();
        return hash_.result().toHex();
    }

private:
    ByteSource& bytes_;
    TextDecoder& decoder_;
    std::array<std::vector<char>, 2> buffers_;
    int next_ = 0;
    std::future<void> pending_;
    QCryptographicHash hash_{QCryptographicHash::Sha256};
    bool done_ = false;
};

} // namespace

void RecordBatch::load(std::size_t i, CsvRecord& record) const
{
    const Meta& m = records[i];
    record.line = m.line;
    record.problem = m.problem;
    record.problemColumn = m.problemColumn;
    record.bareQuotes = 0;
    record.fields.clear();
    std::size_t start = m.firstField == 0 ? 0 : fieldEnds[m.firstField - 1];
    for (std::uint32_t f = 0; f < m.fieldCount; ++f) {
        const std::size_t end = fieldEnds[m.firstField + f];
        record.fields.emplace_back(bytes.data() + start, end - start);
        start = end;
    }
}

void RecordBatch::clear()
{
    bytes.clear();
    fieldEnds.clear();
    records.clear();
}

RecordPipeline::RecordPipeline(ByteSource& source, TextDecoder& decoder, CsvDialect dialect, bool skipFirst)
    : source_(source), decoder_(decoder), dialect_(dialect), skipFirst_(skipFirst)
{
    for (std::size_t i = 0; i < kBatchesInFlight; ++i) free_.push_back(std::make_unique<RecordBatch>());
    thread_ = std::thread([this] { run(); });
}

RecordPipeline::~RecordPipeline()
{
    stop();
    if (thread_.joinable()) thread_.join();
}

void RecordPipeline::stop()
{
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
}

RecordBatch* RecordPipeline::next()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !full_.empty() || finished_ || stopping_; });
    if (stopping_ || full_.empty()) return nullptr;
    inUse_.push_back(std::move(full_.front()));
    full_.pop_front();
    return inUse_.back().get();
}

void RecordPipeline::recycle(RecordBatch* batch)
{
    std::lock_guard lock(mutex_);
    for (auto it = inUse_.begin(); it != inUse_.end(); ++it) {
        if (it->get() != batch) continue;
        (*it)->clear();
        free_.push_back(std::move(*it));
        inUse_.erase(it);
        break;
    }
    changed_.notify_all();
}

void RecordPipeline::run()
{
    HashingTextSource text(source_, decoder_);
    CsvReader reader(text, dialect_);
    CsvRecord rec;
    bool first = true;
    std::unique_ptr<RecordBatch> batch;
    auto publish = [&](bool last) {
        std::unique_lock lock(mutex_);
        if (batch && !batch->records.empty()) full_.push_back(std::move(batch));
        batch.reset();
        if (last) finished_ = true;
        changed_.notify_all();
    };
    try {
        for (;;) {
            if (!batch) {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return !free_.empty() || stopping_; });
                if (stopping_) return;
                batch = std::move(free_.front());
                free_.pop_front();
            }
            const CsvReader::Status st = reader.next(rec);
            if (st == CsvReader::Status::Fatal) {
                fatal_ = reader.fatalError();
                break;
            }
            if (st == CsvReader::Status::End) break;
            if (first && skipFirst_) {
                first = false;
                continue;
            }
            first = false;
            RecordBatch::Meta m;
            m.line = rec.line;
            m.firstField = static_cast<std::uint32_t>(batch->fieldEnds.size());
            m.fieldCount = static_cast<std::uint32_t>(rec.size());
            m.problem = rec.problem;
            m.problemColumn = rec.problemColumn;
            // Bytes the decoder could not read became U+FFFD: find the first such field.
            if (decoder_.invalidSequences() > 0) {
                for (std::size_t i = 0; i < rec.size() && m.invalidColumn == 0; ++i)
                    if (rec[i].find(kReplacementUtf8) != std::string_view::npos) m.invalidColumn = static_cast<int>(i) + 1;
            }
            for (std::string_view f : rec.fields) {
                batch->bytes.append(f);
                batch->fieldEnds.push_back(batch->bytes.size());
            }
            batch->records.push_back(m);
            if (batch->records.size() >= kBatchRecords || batch->bytes.size() >= kBatchBytes) {
                batch->bytesRead = source_.position();
                publish(false);
            }
        }
        lines_ = reader.linesRead();
        bareQuotes_ = reader.bareQuotes();
        sha256_ = text.sha256();
        if (batch) batch->bytesRead = source_.position();
    } catch (const std::exception& e) {
        fatal_ = makeError(QString::fromUtf8(e.what()));
    }
    publish(true);
}

} // namespace cwb::model
