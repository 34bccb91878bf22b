#include "httpprobe.h"

#include "localhttpsink.h"
#include "probeaddress.h"

#include <QUrl>

HttpProbe::HttpProbe(const QJsonObject &config, QObject *parent)
    : DeliveryProbe(DistributorType::Http, config, parent) {
    const QString baseUrl =
        config.value(QLatin1String("baseUrl")).toString(QStringLiteral("http://localhost:3000"));
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        m_problem = QStringLiteral("baseUrl %1 is not a valid URL").arg(baseUrl);
    } else if (url.scheme() != QLatin1String("http")) {
        m_problem = QStringLiteral("baseUrl %1 is not plain http://; the probe's local sink "
                                   "cannot receive %2:// requests")
                        .arg(baseUrl, url.scheme());
    } else if (!ProbeAddress::isLoopback(url.host())) {
        m_problem = QStringLiteral("baseUrl %1 is not on this machine; only loopback targets "
                                   "(127.0.0.1, localhost) can be received")
                        .arg(baseUrl);
    } else {
        m_address = ProbeAddress::loopbackAddress(url.host());
        m_port = quint16(url.port(80));
    }
}

HttpProbe::~HttpProbe() {
    close();
}

void HttpProbe::attachSink(LocalHttpSink *sink) {
    m_attached = sink;
}

LocalHttpSink *HttpProbe::sink() const {
    return m_active;
}

QString HttpProbe::target() const {
    return m_port == 0 ? QString() : ProbeAddress::hostPort(m_address.toString(), m_port);
}

void HttpProbe::open() {
    if (!m_problem.isEmpty()) {
        unavailable(m_problem);
        return;
    }
    if (m_attached && m_attached->isListening() && m_attached->serverPort() == m_port) {
        m_active = m_attached;
        connect(m_active, &QObject::destroyed, this, [this] {
            unavailable(QStringLiteral("the local HTTP sink on %1 was closed").arg(target()));
        });
    } else {
        m_own = std::make_unique<LocalHttpSink>();
        if (!m_own->listen(m_address, m_port)) {
            const QString reason =
                m_own->serverError() == QAbstractSocket::AddressInUseError
                    ? QStringLiteral("%1 is served by another program; its requests cannot be "
                                     "seen from here")
                          .arg(target())
                    : QStringLiteral("cannot listen on %1: %2").arg(target(), m_own->errorString());
            m_own.reset();
            unavailable(reason);
            return;
        }
        m_active = m_own.get();
    }
    connect(m_active, &LocalHttpSink::requestReceived, this, &HttpProbe::onRequest);
    connectionEstablished();
}

void HttpProbe::close() {
    if (m_active)
        m_active->disconnect(this);
    m_own.reset();
    m_active = nullptr;
}

void HttpProbe::onRequest(const QByteArray &method, const QString &path, const QByteArray &body) {
    Q_UNUSED(path)
    // The connect probe's GETs carry nothing; events arrive as bodies (POST by default).
    if (body.isEmpty() || method == "GET" || method == "HEAD")
        return;
    receivePayload(body);
}
