#include "websocketprobe.h"

#include "probeaddress.h"

#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

WebSocketProbe::WebSocketProbe(const QJsonObject &config, QObject *parent)
    : DeliveryProbe(DistributorType::WebSocket, config, parent)
    , m_accessToken(config.value(QLatin1String("accessToken")).toString())
    , m_certificateFile(config.value(QLatin1String("tlsCertificateFile")).toString()) {
    const bool secure = !m_certificateFile.isEmpty()
                        || !config.value(QLatin1String("tlsKeyFile")).toString().isEmpty();
    m_url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setHost(ProbeAddress::connectHost(config.value(QLatin1String("host")).toString()));
    m_url.setPort(config.value(QLatin1String("port")).toInt(8080));
    m_url.setPath(QStringLiteral("/"));

    connect(&m_socket, &QWebSocket::stateChanged, this, &WebSocketProbe::onStateChanged);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &WebSocketProbe::onTextMessage);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketProbe::onBinaryMessage);
    connect(&m_socket, &QWebSocket::sslErrors, this, &WebSocketProbe::onSslErrors);
}

WebSocketProbe::~WebSocketProbe() {
    m_socket.disconnect(this);
    m_socket.abort();
}

void WebSocketProbe::open() {
    m_welcomed = false;
    QNetworkRequest request(m_url);
    // A header rather than ?token=, so the secret stays out of URLs shown anywhere.
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    setNote(QStringLiteral("connecting to ") + m_url.toString());
    m_socket.open(request);
}

void WebSocketProbe::close() {
    m_welcomed = false;
    // abort() reports the state change synchronously; isRunning() or the reopen path must not
    // take it for a lost connection.
    const QSignalBlocker blocker(m_socket);
    m_socket.abort();
}

void WebSocketProbe::onStateChanged(QAbstractSocket::SocketState state) {
    if (state != QAbstractSocket::UnconnectedState || !isRunning())
        return;
    QString reason = m_socket.errorString();
    if (m_socket.closeCode() != QWebSocketProtocol::CloseCodeNormal || m_welcomed) {
        const QString closeReason = m_socket.closeReason();
        if (!closeReason.isEmpty())
            reason = QStringLiteral("closed by the server (%1 %2)")
                         .arg(QString::number(int(m_socket.closeCode())), closeReason);
    }
    if (reason.isEmpty())
        reason = QStringLiteral("connection closed");
    retryLater(QStringLiteral("%1: %2").arg(m_url.toString(), reason));
}

void WebSocketProbe::onTextMessage(const QString &message) {
    if (!m_welcomed) {
        // The first frame is the welcome; everything sent after it reaches this client.
        m_welcomed = true;
        connectionEstablished();
        return;
    }
    receivePayload(message.toUtf8());
}

void WebSocketProbe::onBinaryMessage(const QByteArray &message) {
    if (m_welcomed)
        receivePayload(message);
}

void WebSocketProbe::onSslErrors(const QList<QSslError> &errors) {
    if (m_certificateFile.isEmpty())
        return;
    const QList<QSslCertificate> own = QSslCertificate::fromPath(m_certificateFile);
    const QSslCertificate presented = m_socket.sslConfiguration().peerCertificate();
    if (!own.isEmpty() && !presented.isNull() && own.first() == presented)
        m_socket.ignoreSslErrors(errors);
}
