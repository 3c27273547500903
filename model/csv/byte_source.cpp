#include "csv/byte_source.h"
#include "core/text.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <stdexcept>

namespace cwb::model {


Result<std::unique_ptr<ByteSource>> ByteSource::open(const QString& path)
{
    const QFileInfo info(path);
    Error e = makeError({});
    e.file = path;
    if (!info.exists()) {
        e.message = Text::tr("no such file");
        return e;
    }
    if (info.isDir()) {
        e.message = Text::tr("this is a folder, not a file");
        return e;
    }
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        e.message = Text::tr("cannot read the file: %1").arg(probe.errorString());
        return e;
    }
    const QByteArray magic = probe.read(4);
    probe.close();

    std::unique_ptr<ByteSource> src(new ByteSource);
    src->path_ = path;
    src->fileSize_ = info.size();
    src->compressed_ = magic.startsWith("\x1f\x8b");
    src->gz_ = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!src->gz_) {
        e.message = Text::tr("cannot read the file");
        return e;
    }
    gzbuffer(static_cast<gzFile>(src->gz_), 1 << 18);
    return src;
}

ByteSource::~ByteSource()
{
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

qint64 ByteSource::read(char* buffer, qint64 max)
{
    const int n = gzread(static_cast<gzFile>(gz_), buffer, static_cast<unsigned>(std::min<qint64>(max, 1 << 30)));
    if (n < 0) {
        int code = 0;
        const char* message = gzerror(static_cast<gzFile>(gz_), &code);
        throw std::runtime_error(std::string("cannot read ") + QFile::encodeName(path_).constData() + ": "
                                 + (message ? message : "read error"));
    }
    return n;
}

qint64 ByteSource::position() const
{
    return compressed_ ? static_cast<qint64>(gzoffset(static_cast<gzFile>(gz_))) : static_cast<qint64>(gztell(static_cast<gzFile>(gz_)));
}

} // namespace cwb::model
