#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <memory>

struct z_stream_s;

// gzip (RFC 1952) for UDP datagrams. One deflate stream is kept and reset per datagram, so the
// hot path does not allocate zlib's window and hash tables for every event.
class Gzip final {
    Q_DISABLE_COPY_MOVE(Gzip)

public:
    // `level` as zlib's: 1 (fastest) .. 9 (smallest), or -1 for zlib's default (6).
    explicit Gzip(int level = -1);
    ~Gzip();

    bool isValid() const { return m_valid; }

    // Replaces `out` with the gzip member of `size` bytes at `data`. `out` keeps its capacity
    // between calls, so passing the same buffer every time avoids reallocations. Returns false
    // (and leaves `out` empty) when zlib fails.
    bool compress(const char *data, qsizetype size, QByteArray &out);

    // The data of one gzip member, or a null QByteArray when `gzipped` is not valid gzip or
    // would inflate beyond `maxSize` bytes. Empty input data gives an empty, non-null array.
    static QByteArray decompress(const QByteArray &gzipped, qsizetype maxSize = 64 * 1024 * 1024);

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_valid = false;
};
