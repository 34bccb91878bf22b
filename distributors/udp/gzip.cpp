#include "gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace {

// 15 window bits plus 16 selects the gzip wrapper instead of zlib's own (RFC 1950) header.
constexpr int GzipWindowBits = 15 + 16;
// The hash table is cleared by every deflateReset(); a smaller one (8 KiB instead of zlib's
// default 64 KiB at memLevel 8) makes that reset cheap, and datagrams are far too small to gain
// anything from the larger table.
constexpr int MemLevel = 5;

Bytef *bytes(const char *data) {
    // zlib's API is not const-correct for its input buffer; it never writes to it.
    return reinterpret_cast<Bytef *>(const_cast<char *>(data));
}

} // namespace

Gzip::Gzip(int level)
    : m_stream(std::make_unique<z_stream>()) {
    m_valid = deflateInit2(m_stream.get(), level, Z_DEFLATED, GzipWindowBits, MemLevel,
                           Z_DEFAULT_STRATEGY)
              == Z_OK;
}

Gzip::~Gzip() {
    if (m_valid)
        deflateEnd(m_stream.get());
}

bool Gzip::compress(const char *data, qsizetype size, QByteArray &out) {
    out.resize(0);
    if (!m_valid || size < 0 || quint64(size) > std::numeric_limits<uInt>::max() / 2)
        return false;
    if (deflateReset(m_stream.get()) != Z_OK)
        return false;
    const uLong bound = deflateBound(m_stream.get(), uLong(size));
    out.resize(qsizetype(bound));
    m_stream->next_in = bytes(data);
    m_stream->avail_in = uInt(size);
    m_stream->next_out = reinterpret_cast<Bytef *>(out.data());
    m_stream->avail_out = uInt(bound);
    // The output buffer holds deflateBound() bytes, so one Z_FINISH call always completes.
    const int rc = deflate(m_stream.get(), Z_FINISH);
    if (rc != Z_STREAM_END) {
        out.resize(0);
        return false;
    }
    out.resize(qsizetype(bound - m_stream->avail_out));
    return true;
}

QByteArray Gzip::decompress(const QByteArray &gzipped, qsizetype maxSize) {
    if (gzipped.size() < 18 || quint64(gzipped.size()) > std::numeric_limits<uInt>::max())
        return {}; // shorter than an empty member's header and trailer
    z_stream stream{};
    if (inflateInit2(&stream, GzipWindowBits) != Z_OK)
        return {};
    stream.next_in = bytes(gzipped.constData());
    stream.avail_in = uInt(gzipped.size());

    QByteArray out(0, Qt::Uninitialized);
    // One spare byte tells output of exactly maxSize bytes from output that is too large.
    const qsizetype limit = maxSize + 1;
    qsizetype produced = 0;
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (produced == out.size()) {
            if (out.size() >= limit)
                break;
            out.resize(std::min(std::max<qsizetype>(256, out.size() * 2), limit));
        }
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        stream.avail_out = uInt(out.size() - produced);
        rc = inflate(&stream, Z_NO_FLUSH);
        produced = out.size() - qsizetype(stream.avail_out);
        if (rc == Z_BUF_ERROR && stream.avail_out > 0)
            break; // the input ended before the member did
        if (rc == Z_BUF_ERROR)
            rc = Z_OK; // only the output was full: grow and go on
    }
    inflateEnd(&stream);
    if (rc != Z_STREAM_END || produced > maxSize)
        return {};
    out.resize(produced);
    return out;
}
