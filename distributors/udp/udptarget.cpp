#include "udptarget.h"

namespace {

bool isWildcard(const QString &host) {
    const QHostAddress address(host);
    return address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
}

// "host:port" or "[v6]:port", the shape the config validator accepts.
bool splitHostPort(QStringView text, QString &host, quint16 &port) {
    text = text.trimmed();
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QStringView hostPart = text.left(colon);
    if (hostPart.startsWith(QLatin1Char('[')) && hostPart.endsWith(QLatin1Char(']')))
        hostPart = hostPart.mid(1, hostPart.size() - 2);
    else if (hostPart.contains(QLatin1Char(':')))
        return false; // a bare IPv6 literal needs brackets to tell its last group from the port
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value < 1 || value > 65535 || hostPart.isEmpty())
        return false;
    host = hostPart.toString();
    port = quint16(value);
    return true;
}

} // namespace

QString UdpTargetSpec::label() const {
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QLatin1String("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

UdpTargetSpec UdpTargetSpec::parse(const QJsonValue &value, const QString &defaultHost,
                                   quint16 defaultPort) {
    UdpTargetSpec spec;
    if (value.isString()) {
        if (!splitHostPort(value.toString(), spec.host, spec.port))
            spec.error = QStringLiteral("UDP target \"%1\" is not host:port").arg(value.toString());
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        spec.host = object.value(QStringLiteral("host")).toString(defaultHost).trimmed();
        const QJsonValue port = object.value(QStringLiteral("port"));
        const double number = port.isUndefined() ? defaultPort : port.toDouble(-1);
        if (number < 1 || number > 65535 || number != double(int(number)))
            spec.error = QStringLiteral("UDP target %1 has no valid port (1-65535)").arg(spec.host);
        else
            spec.port = quint16(number);
        if (spec.host.isEmpty())
            spec.error = QStringLiteral("UDP target has an empty host");
    } else {
        spec.error = QStringLiteral("UDP target must be \"host:port\" or {\"host\", \"port\"}");
    }
    if (spec.error.isEmpty() && isWildcard(spec.host))
        spec.error = QStringLiteral("UDP target host %1 is not a destination").arg(spec.host);
    return spec;
}

QJsonObject UdpTarget::toJson() const {
    QJsonObject json{
        {QStringLiteral("target"), label},
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), port},
        {QStringLiteral("resolved"), resolution == Resolution::Resolved},
        {QStringLiteral("sent"), double(sent)},
        {QStringLiteral("failed"), double(failed)},
        {QStringLiteral("bytes"), double(bytes)},
    };
    if (resolution == Resolution::Resolved)
        json.insert(QStringLiteral("address"), address.toString());
    if (!lastError.isEmpty())
        json.insert(QStringLiteral("lastError"), lastError);
    else if (!resolveError.isEmpty())
        json.insert(QStringLiteral("lastError"), resolveError);
    return json;
}
