#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QUdpSocket>
#include <QUrl>
#include <QWebSocket>

// Real receivers for end-to-end tests. Each collects the envelopes it receives.

// Decompresses gzip (RFC 1952) or returns plain bytes unchanged.
QByteArray gunzipIfNeeded(const QByteArray &bytes);

class EnvelopeCollector {
public:
    const QList<QJsonObject> &envelopes() const { return m_envelopes; }
    int count() const { return int(m_envelopes.size()); }
    int count(const QString &event) const;
    QSet<quint64> seqs() const;
    QStringList events() const;
    void clear() { m_envelopes.clear(); }

protected:
    void collect(const QByteArray &json);

private:
    QList<QJsonObject> m_envelopes;
};

// A UDP socket on 127.0.0.1 with a port the OS picked.
class UdpReceiver
    : public QObject
    , public EnvelopeCollector {
    Q_OBJECT

public:
    explicit UdpReceiver(QObject *parent = nullptr);
    quint16 port() const { return m_socket.localPort(); }
    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(port()); }
    int datagrams() const { return m_datagrams; }

private:
    void read();
    QUdpSocket m_socket;
    int m_datagrams = 0;
};

// A WebSocket client that keeps every data frame (control frames such as the welcome, pong and
// heartbeats are counted apart).
class WebSocketReceiver
    : public QObject
    , public EnvelopeCollector {
    Q_OBJECT

public:
    explicit WebSocketReceiver(const QUrl &url, QObject *parent = nullptr);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    int controlFrames() const { return m_controlFrames; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    int m_controlFrames = 0;
};

// A mosquitto_sub process subscribed to a topic filter on a broker, printing one payload per line.
class MqttSubscriber
    : public QObject
    , public EnvelopeCollector {
    Q_OBJECT

public:
    MqttSubscriber(quint16 port, const QString &topic, QObject *parent = nullptr);
    ~MqttSubscriber() override;
    // Waits until the subscription is active: it publishes a marker and waits to receive it.
    bool waitUntilSubscribed(int timeoutMs = 10000);

private:
    void read();
    QProcess m_process;
    QByteArray m_buffer;
    quint16 m_port;
    QString m_topic;
    bool m_markerSeen = false;
};
