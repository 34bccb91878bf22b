#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One HTTP/1.x request head (request line and header fields), parsed incrementally as bytes
// arrive. The SSE server never needs a request body, so parsing stops at the blank line.
//
// Parsing is bounded: a head larger than MaxHeaderBytes is rejected (431) and anything that is
// not HTTP is rejected (400) as soon as it can be recognised, so a client cannot make the
// server buffer without limit.
class SseRequest {
public:
    enum class Status {
        Incomplete,      // more bytes are needed
        Complete,        // the head is parsed
        BadRequest,      // not an HTTP/1.x request head (400)
        HeadersTooLarge, // the head exceeds MaxHeaderBytes (431)
    };

    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;

    // Where a request head in `buffer` ends: the first empty line (CRLF CRLF, or bare LF LF from
    // lenient clients), with the terminator's length; -1 while the head is incomplete.
    static qsizetype headEnd(const QByteArray &buffer, qsizetype *terminatorLength);

    // Appends bytes from the wire and parses once the head is complete. After a final status
    // (anything but Incomplete) further bytes are ignored.
    Status feed(const QByteArray &bytes);
    Status status() const { return m_status; }
    // Why the request was rejected, for logs.
    QString errorString() const { return m_error; }

    QByteArray method() const { return m_method; }
    // The decoded path of the request target, without the query.
    QString path() const { return m_path; }
    // A decoded query parameter ("" when absent).
    QString queryItem(const QString &name) const;
    QByteArray httpVersion() const { return m_version; }
    // The value of a header field, matched case-insensitively; repeated fields are joined with
    // ", " as RFC 9110 allows.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;

private:
    Status fail(Status status, const QString &message);
    bool parseHead(const QByteArray &head);
    bool parseRequestLine(const QByteArray &line);

    Status m_status = Status::Incomplete;
    QByteArray m_buffer;
    bool m_requestLineParsed = false;
    QString m_error;
    QByteArray m_method;
    QByteArray m_version;
    QString m_path;
    QString m_query;
    QList<QPair<QByteArray, QByteArray>> m_headers; // names lower-cased
};
