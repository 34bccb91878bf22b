#include "ssetestclient.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

SseTestClient::SseTestClient(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseTestClient::readResponse);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        readResponse();
        m_closed = true;
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            m_closed = true;
    });
}

void SseTestClient::get(quint16 port, const QByteArray &target, const Headers &headers) {
    request(port, QByteArrayLiteral("GET"), target, headers);
}

void SseTestClient::request(quint16 port, const QByteArray &method, const QByteArray &target,
                            const Headers &headers) {
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        bytes.append(name + ": " + value + "\r\n");
    bytes.append("\r\n");
    sendRaw(port, bytes);
}

void SseTestClient::sendRaw(quint16 port, const QByteArray &bytes) {
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.write(bytes); // buffered until the connection is up
}

QByteArray SseTestClient::header(const QByteArray &name) const {
    for (const auto &[field, value] : m_headers) {
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool SseTestClient::hasHeader(const QByteArray &name) const {
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<SseTestClient::Frame> SseTestClient::eventFrames() const {
    QList<Frame> frames;
    for (const Frame &frame : m_frames) {
        if (frame.event != "connection")
            frames.append(frame);
    }
    return frames;
}

QString SseTestClient::clientId() const {
    for (const Frame &frame : m_frames) {
        if (frame.event == "connection")
            return QJsonDocument::fromJson(frame.data)
                .object()
                .value(QStringLiteral("clientId"))
                .toString();
    }
    return {};
}

void SseTestClient::readResponse() {
    if (m_socket.bytesAvailable() <= 0)
        return;
    const QByteArray bytes = m_socket.readAll();
    if (m_status != 0) {
        m_body.append(bytes);
        parseFrames();
        return;
    }
    m_buffer.append(bytes);
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = m_statusLine.split(' ');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        m_headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    m_body = m_buffer.mid(end + 4);
    m_buffer.clear();
    m_status = parts.size() > 1 ? parts.at(1).toInt() : -1;
    parseFrames();
}

void SseTestClient::parseFrames() {
    if (!header("Content-Type").startsWith("text/event-stream"))
        return;
    for (;;) {
        const qsizetype end = m_body.indexOf("\n\n", m_parsed);
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_body.mid(m_parsed, end - m_parsed).split('\n');
        m_parsed = end + 2;
        Frame frame;
        bool isEvent = false;
        for (const QByteArray &line : lines) {
            if (line.startsWith(':')) {
                m_comments.append(line.mid(1).trimmed());
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = line.left(colon);
            const QByteArray value =
                line.mid(colon + 1).startsWith(' ') ? line.mid(colon + 2) : line.mid(colon + 1);
            isEvent = true;
            if (field == "id") {
                frame.id = value;
                frame.hasId = true;
            } else if (field == "event") {
                frame.event = value;
            } else if (field == "data") {
                frame.data = value;
            }
        }
        if (isEvent)
            m_frames.append(frame);
    }
}
