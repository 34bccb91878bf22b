#include "reachabilitycheck.h"

#include <QNetworkProxy>

ReachabilityCheck::ReachabilityCheck(QObject *parent)
    : QObject(parent) {
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timeout.setSingleShot(true);
    connect(&m_socket, &QTcpSocket::connected, this, [this] { conclude(true, {}); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this] { conclude(false, m_socket.errorString()); });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        conclude(false, QStringLiteral("no answer within %1 ms").arg(m_timeout.interval()));
    });
}

ReachabilityCheck::~ReachabilityCheck() {
    m_socket.disconnect(this);
    m_socket.abort();
}

void ReachabilityCheck::check(const QString &host, quint16 port, int timeoutMs) {
    m_socket.abort();
    m_running = true;
    m_timeout.start(timeoutMs);
    m_socket.connectToHost(host, port);
}

void ReachabilityCheck::conclude(bool reachable, const QString &error) {
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    {
        // Only the answer matters; the connection is not used.
        const QSignalBlocker blocker(m_socket);
        m_socket.abort();
    }
    // Queued: a refused loopback connect can fail inside connectToHost(), and the caller must
    // not be re-entered from check().
    QMetaObject::invokeMethod(
        this, [this, reachable, error] { emit finished(reachable, error); }, Qt::QueuedConnection);
}
