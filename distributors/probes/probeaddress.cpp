#include "probeaddress.h"

namespace ProbeAddress {

QString connectHost(const QString &listenHost) {
    const QString host = listenHost.trimmed();
    if (host.isEmpty() || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host == QLatin1String("0.0.0.0"))
        return QStringLiteral("127.0.0.1");
    if (host == QLatin1String("::"))
        return QStringLiteral("::1");
    return host;
}

bool isLoopback(const QString &host) {
    return !loopbackAddress(host).isNull();
}

QHostAddress loopbackAddress(const QString &host) {
    const QString trimmed = host.trimmed();
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    const QHostAddress address(trimmed);
    return address.isLoopback() ? address : QHostAddress();
}

QString hostPort(const QString &host, quint16 port) {
    const QString shown =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shown + QLatin1Char(':') + QString::number(port);
}

} // namespace ProbeAddress
