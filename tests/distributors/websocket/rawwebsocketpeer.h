#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

// A WebSocket consumer written by hand on a QTcpSocket, for what QWebSocket hides: it reads
// the close code exactly as sent (QWebSocket turns codes it does not know, such as 1013, into
// 1002), and it can stop reading altogether to play a stuck consumer.
class RawWebSocketPeer final : public QObject {
    Q_OBJECT

public:
    explicit RawWebSocketPeer(QObject *parent = nullptr);

    // Connects and sends the upgrade request; with `reading` false the peer never reads again
    // after the upgrade response (its small read buffer then stalls the TCP window).
    void open(quint16 port, bool reading = true);
    // A peer opened without reading starts reading now (a slow consumer catching up).
    void startReading();
    qint64 bytesReceived() const { return m_bytesReceived; }
    bool isUpgraded() const { return m_upgraded; }
    bool isClosed() const { return m_closeCode != 0 || m_disconnected; }
    int textFrames() const { return m_textFrames; }
    int closeCode() const { return m_closeCode; }
    QByteArray closeReason() const { return m_closeReason; }

private:
    void onReadyRead();
    bool parseFrame();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_reading = true;
    bool m_upgraded = false;
    bool m_disconnected = false;
    int m_textFrames = 0;
    qint64 m_bytesReceived = 0;
    int m_closeCode = 0;
    QByteArray m_closeReason;
};
