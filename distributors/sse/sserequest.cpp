#include "sserequest.h"

#include <QUrl>
#include <QUrlQuery>

namespace {

// RFC 9110 token characters (method and header names).
bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Control characters never occur in a request head; their presence means the peer does not
// speak HTTP, which can be decided before the head is complete.
bool hasControlCharacter(QByteArrayView text) {
    for (const char c : text) {
        const auto u = uchar(c);
        if ((u < 0x20 && c != '\r' && c != '\n' && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

} // namespace

qsizetype SseRequest::headEnd(const QByteArray &buffer, qsizetype *terminatorLength) {
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        *terminatorLength = 4;
        return crlf;
    }
    *terminatorLength = 2;
    return lf;
}

SseRequest::Status SseRequest::feed(const QByteArray &bytes) {
    if (m_status != Status::Incomplete)
        return m_status;
    m_buffer.append(bytes);
    // RFC 9112 §2.2: ignore empty lines received before the request line.
    while (m_buffer.startsWith("\r\n") || m_buffer.startsWith('\n'))
        m_buffer.remove(0, m_buffer.startsWith('\n') ? 1 : 2);

    if (hasControlCharacter(m_buffer))
        return fail(Status::BadRequest, QStringLiteral("control character in the request head"));
    const qsizetype firstLineEnd = m_buffer.indexOf('\n');
    if (!m_requestLineParsed && firstLineEnd >= 0) {
        if (!parseRequestLine(m_buffer.left(firstLineEnd)))
            return m_status;
        m_requestLineParsed = true;
    }

    qsizetype terminatorLength = 0;
    const qsizetype end = headEnd(m_buffer, &terminatorLength);
    if (end < 0) {
        if (m_buffer.size() > MaxHeaderBytes)
            return fail(Status::HeadersTooLarge, QStringLiteral("request head exceeds 16 KiB"));
        return m_status;
    }
    if (end + terminatorLength > MaxHeaderBytes)
        return fail(Status::HeadersTooLarge, QStringLiteral("request head exceeds 16 KiB"));
    if (!parseHead(m_buffer.left(end)))
        return m_status;
    m_buffer.clear();
    m_status = Status::Complete;
    return m_status;
}

SseRequest::Status SseRequest::fail(Status status, const QString &message) {
    m_status = status;
    m_error = message;
    m_buffer.clear();
    return m_status;
}

bool SseRequest::parseRequestLine(const QByteArray &rawLine) {
    const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3) {
        fail(Status::BadRequest, QStringLiteral("request line is not \"METHOD target HTTP/1.x\""));
        return false;
    }
    if (!isToken(parts.at(0))) {
        fail(Status::BadRequest, QStringLiteral("invalid method"));
        return false;
    }
    if (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0") {
        fail(Status::BadRequest, QStringLiteral("unsupported HTTP version"));
        return false;
    }
    const QByteArray &target = parts.at(1);
    if (!target.startsWith('/') && target != "*") {
        fail(Status::BadRequest, QStringLiteral("request target is not an absolute path"));
        return false;
    }
    m_method = parts.at(0);
    m_version = parts.at(2);
    const qsizetype question = target.indexOf('?');
    m_path = QUrl::fromPercentEncoding(target.left(question < 0 ? target.size() : question));
    m_query = question < 0 ? QString() : QString::fromUtf8(target.mid(question + 1));
    return true;
}

bool SseRequest::parseHead(const QByteArray &head) {
    QList<QByteArray> lines = head.split('\n');
    lines.removeFirst(); // the request line, parsed already
    for (QByteArray line : std::as_const(lines)) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(Status::BadRequest, QStringLiteral("obsolete header line folding"));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
            fail(Status::BadRequest, QStringLiteral("malformed header field"));
            return false;
        }
        m_headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    return true;
}

QString SseRequest::queryItem(const QString &name) const {
    if (m_query.isEmpty())
        return {};
    // Form-style '+' means a space in query strings written by browsers.
    QString query = m_query;
    query.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrlQuery(query).queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray SseRequest::header(const QByteArray &name) const {
    const QByteArray key = name.toLower();
    QByteArray value;
    for (const auto &[field, fieldValue] : m_headers) {
        if (field != key)
            continue;
        if (!value.isEmpty())
            value.append(", ");
        value.append(fieldValue);
    }
    return value;
}

bool SseRequest::hasHeader(const QByteArray &name) const {
    const QByteArray key = name.toLower();
    for (const auto &header : m_headers) {
        if (header.first == key)
            return true;
    }
    return false;
}
