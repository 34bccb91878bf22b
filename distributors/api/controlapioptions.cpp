#include "controlapioptions.h"

QString ControlApiOptions::problem() const {
    if (bindAddress.isNull())
        return QStringLiteral("API bind address: expected an IPv4 or IPv6 address");
    if (!bindAddress.isLoopback() && token.isEmpty())
        return QStringLiteral("API token: required when the API is bound to %1, which is not a "
                              "loopback address (anyone on the network could control sessions)")
            .arg(bindAddress.toString());
    if (bodyLimit <= 0)
        return QStringLiteral("API body limit: expected a positive number of bytes");
    return {};
}

QString ControlApiOptions::addressText() const {
    const QString host = bindAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + bindAddress.toString() + QLatin1Char(']')
                             : bindAddress.toString();
    return host + QLatin1Char(':') + QString::number(port);
}
