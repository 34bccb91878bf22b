#pragma once

#include "deliveryprobe.h"

#include <QHostAddress>
#include <QPointer>

#include <memory>

class LocalHttpSink;

// Probes the HTTP distributor by being its target: for a loopback baseUrl whose port nobody
// serves, it runs a LocalHttpSink there, which answers every request (the connect probe's
// health paths included) and hands the POSTed envelopes to the probe. Start it before the
// distributor connects, or the distributor's connect probe finds nobody and retries later.
//
// A target served by another program cannot be seen from here, and neither can a remote or an
// https:// one: the probe is then not available and says why. When a sink already serves the
// target (the demo starts one before its session), attachSink() makes the probe listen to it;
// that sink stays with its owner and keeps serving when the probe stops.
class HttpProbe final : public DeliveryProbe {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpProbe)

public:
    explicit HttpProbe(const QJsonObject &config, QObject *parent = nullptr);
    ~HttpProbe() override;

    // Takes effect at the next start().
    void attachSink(LocalHttpSink *sink);
    // The sink requests are read from while running: the attached one or the probe's own.
    LocalHttpSink *sink() const;
    QString target() const;

protected:
    void open() override;
    void close() override;

private:
    void onRequest(const QByteArray &method, const QString &path, const QByteArray &body);

    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_problem; // why the target cannot be probed
    QPointer<LocalHttpSink> m_attached;
    std::unique_ptr<LocalHttpSink> m_own;
    QPointer<LocalHttpSink> m_active;
};
