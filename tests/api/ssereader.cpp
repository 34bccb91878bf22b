#include "ssereader.h"

#include <QJsonDocument>
#include <QJsonObject>

SseReader::SseReader(quint16 port, const QByteArray &path, QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseReader::read);
    connect(&m_socket, &QTcpSocket::connected, this, [this, path] {
        m_socket.write("GET " + path
                       + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Accept: text/event-stream\r\n\r\n");
    });
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

void SseReader::read() {
    m_buffer.append(m_socket.readAll());
    if (m_status == 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        // "HTTP/1.1 200 OK"
        m_status = m_buffer.left(m_buffer.indexOf("\r\n")).split(' ').value(1).toInt();
        m_buffer.remove(0, end + 4);
    }
    parseFrames();
}

void SseReader::parseFrames() {
    qsizetype end = 0;
    while ((end = m_buffer.indexOf("\n\n")) >= 0) {
        const QByteArray frame = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        QByteArray data;
        for (const QByteArray &line : frame.split('\n')) {
            if (line.startsWith("data:"))
                data += line.mid(5).trimmed();
        }
        if (QJsonDocument::fromJson(data).object().contains(QStringLiteral("seq")))
            collect(data);
    }
}
