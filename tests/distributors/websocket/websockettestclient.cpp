#include "websockettestclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

WebSocketTestClient::WebSocketTestClient(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &WebSocketTestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_disconnected = true;
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
        emit frameReceived();
    });
}

void WebSocketTestClient::open(const QUrl &url, const QByteArray &authorization,
                               const QSslConfiguration &tls) {
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!tls.isNull())
        m_socket.setSslConfiguration(tls);
    m_socket.open(request);
}

bool WebSocketTestClient::connectAndWelcome(const QUrl &url, const QByteArray &authorization,
                                            const QSslConfiguration &tls) {
    open(url, authorization, tls);
    return waitUntil([this] { return !m_clientId.isEmpty() || m_disconnected; }, 5000)
           && !m_clientId.isEmpty();
}

void WebSocketTestClient::sendJson(const QJsonObject &request) {
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

void WebSocketTestClient::sendText(const QString &text) {
    m_socket.sendTextMessage(text);
}

bool WebSocketTestClient::sync() {
    const int expected = m_pongs + 1;
    sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
    return waitUntil([this, expected] { return m_pongs >= expected; }, 5000);
}

bool WebSocketTestClient::waitForFrames(int count, int timeoutMs) {
    return waitUntil([this, count] { return m_frames.size() >= count; }, timeoutMs);
}

bool WebSocketTestClient::waitForDisconnect(int timeoutMs) {
    return waitUntil([this] { return m_disconnected; }, timeoutMs);
}

QList<QJsonObject> WebSocketTestClient::framesFor(const QString &event) const {
    QList<QJsonObject> result;
    for (const QJsonObject &frame : m_frames) {
        if (frame.value(QStringLiteral("event")).toString() == event)
            result.append(frame);
    }
    return result;
}

bool WebSocketTestClient::waitUntil(const std::function<bool()> &condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QSignalSpy spy(this, &WebSocketTestClient::frameReceived);
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

void WebSocketTestClient::onText(const QString &text) {
    const QByteArray raw = text.toUtf8();
    const QJsonObject frame = QJsonDocument::fromJson(raw).object();
    m_raw.append(raw);
    m_frames.append(frame);
    const QString event = frame.value(QStringLiteral("event")).toString();
    if (event == QLatin1String("connection"))
        m_clientId = frame.value(QStringLiteral("clientId")).toString();
    else if (event == QLatin1String("pong"))
        ++m_pongs;
    emit frameReceived();
}
