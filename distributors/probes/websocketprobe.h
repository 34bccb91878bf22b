#pragma once

#include "deliveryprobe.h"

#include <QUrl>
#include <QWebSocket>

// Probes the WebSocket distributor as one of its consumers: a QWebSocket client of
// ws://host:port (wss:// when the distributor serves TLS), sending the access token when one is
// configured. It counts as connected once the server's welcome frame arrived, which the server
// sends only after it registered the client, so no event sent afterwards can miss it.
//
// With wss:// the server is trusted when it presents exactly the certificate of the
// distributor's tlsCertificateFile: the probe knows what its own server must show, whatever CA
// signed it.
class WebSocketProbe final : public DeliveryProbe {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketProbe)

public:
    explicit WebSocketProbe(const QJsonObject &config, QObject *parent = nullptr);
    ~WebSocketProbe() override;

    QUrl url() const { return m_url; }

protected:
    void open() override;
    void close() override;

private:
    void onStateChanged(QAbstractSocket::SocketState state);
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onSslErrors(const QList<QSslError> &errors);

    QUrl m_url;
    QString m_accessToken;
    QString m_certificateFile;
    QWebSocket m_socket;
    bool m_welcomed = false;
};
