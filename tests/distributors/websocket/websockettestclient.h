#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>

// A real QWebSocket consumer for the tests: it records every JSON frame the distributor sends
// and how the connection ended. The wait helpers return when the condition holds (or the
// timeout passes) by spinning the event loop on signals, never by sleeping.
class WebSocketTestClient final : public QObject {
    Q_OBJECT

public:
    explicit WebSocketTestClient(QObject *parent = nullptr);

    void open(const QUrl &url, const QByteArray &authorization = {},
              const QSslConfiguration &tls = {});
    // Opens and waits for the welcome frame; false when none came.
    bool connectAndWelcome(const QUrl &url, const QByteArray &authorization = {},
                           const QSslConfiguration &tls = {});
    void sendJson(const QJsonObject &request);
    void sendText(const QString &text);
    // Pings and waits for the pong: every frame the server wrote before has arrived by then.
    bool sync();
    bool waitForFrames(int count, int timeoutMs = 5000);
    bool waitForDisconnect(int timeoutMs = 5000);

    QWebSocket &socket() { return m_socket; }
    QString clientId() const { return m_clientId; }
    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<QByteArray> rawFrames() const { return m_raw; }
    // The frames with this "event", in arrival order.
    QList<QJsonObject> framesFor(const QString &event) const;
    bool isDisconnected() const { return m_disconnected; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

signals:
    void frameReceived();

private:
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs);
    void onText(const QString &text);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QByteArray> m_raw;
    QString m_clientId;
    int m_pongs = 0;
    bool m_disconnected = false;
    int m_closeCode = 0;
    QString m_closeReason;
};
