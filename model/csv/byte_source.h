#pragma once
// Raw bytes of an input file, plain or gzip-compressed (shops often hand
// over .csv.gz exports; zlib reads both transparently).

#include "core/error.h"

#include <QString>

#include <memory>

namespace cwb::model {

class ByteSource {
public:
    static Result<std::unique_ptr<ByteSource>> open(const QString& path);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // Reads up to `max` bytes of content; 0 at the end. Throws std::runtime_error on an I/O error.
    qint64 read(char* buffer, qint64 max);
    // Progress in the file on disk (compressed bytes for .gz files).
    qint64 position() const;
    qint64 fileSize() const { return fileSize_; }
    bool compressed() const { return compressed_; }
    const QString& path() const { return path_; }

private:
    ByteSource() = default;
    void* gz_ = nullptr;
    qint64 fileSize_ = 0;
    bool compressed_ = false;
    QString path_;
};

} // namespace cwb::model
