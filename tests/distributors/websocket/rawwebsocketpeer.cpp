#include "rawwebsocketpeer.h"

#include <QHostAddress>
#include <QtEndian>

RawWebSocketPeer::RawWebSocketPeer(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawWebSocketPeer::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_disconnected = true; });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
    });
}

void RawWebSocketPeer::open(quint16 port, bool reading) {
    m_reading = reading;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

void RawWebSocketPeer::startReading() {
    m_reading = true;
    m_socket.setReadBufferSize(0);
    onReadyRead();
}

void RawWebSocketPeer::onReadyRead() {
    if (!m_upgraded) {
        m_buffer.append(m_socket.readAll());
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_upgraded = m_buffer.startsWith("HTTP/1.1 101");
        m_buffer.remove(0, end + 4);
        if (!m_reading) {
            // Stop taking data from the kernel: the server's writes back up from here.
            m_socket.setReadBufferSize(1);
            return;
        }
    }
    if (!m_reading)
        return;
    const QByteArray data = m_socket.readAll();
    m_bytesReceived += data.size();
    m_buffer.append(data);
    while (parseFrame()) {
    }
}

bool RawWebSocketPeer::parseFrame() {
    if (m_buffer.size() < 2)
        return false;
    const auto *bytes = reinterpret_cast<const uchar *>(m_buffer.constData());
    const int opcode = bytes[0] & 0x0f;
    quint64 length = bytes[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(bytes + 2);
        header = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = qFromBigEndian<quint64>(bytes + 2);
        header = 10;
    }
    if (quint64(m_buffer.size() - header) < length)
        return false;
    const QByteArray payload = m_buffer.mid(header, qsizetype(length));
    m_buffer.remove(0, header + qsizetype(length));
    if (opcode == 0x1)
        ++m_textFrames;
    else if (opcode == 0x8 && payload.size() >= 2) {
        m_closeCode = qFromBigEndian<quint16>(payload.constData());
        m_closeReason = payload.mid(2);
    }
    return true;
}
