#include "ssecorspolicy.h"

SseCorsPolicy::SseCorsPolicy(const QStringList &origins) {
    for (const QString &origin : origins) {
        const QString trimmed = origin.trimmed();
        if (trimmed == QLatin1String("*"))
            m_wildcard = true;
        else if (!trimmed.isEmpty())
            m_origins.append(trimmed.toUtf8());
    }
}

SseCorsPolicy SseCorsPolicy::fromConfig(const QJsonArray &origins) {
    QStringList list;
    for (const QJsonValue &origin : origins)
        list.append(origin.toString());
    return SseCorsPolicy(list);
}

QByteArray SseCorsPolicy::allowOrigin(const QByteArray &origin) const {
    if (!origin.isEmpty() && m_origins.contains(origin))
        return origin;
    if (m_wildcard)
        return QByteArrayLiteral("*");
    // An empty list allows no origin: browsers then refuse cross-origin reads.
    return m_origins.isEmpty() ? QByteArray() : m_origins.first();
}

QByteArray SseCorsPolicy::headers(const QByteArray &origin) const {
    QByteArray out;
    const QByteArray allowed = allowOrigin(origin);
    if (!allowed.isEmpty()) {
        out.append("Access-Control-Allow-Origin: " + allowed + "\r\n");
        // Anything but "*" depends on the request's Origin, so shared caches must key on it.
        if (allowed != "*")
            out.append("Vary: Origin\r\n");
    }
    out.append("Access-Control-Allow-Methods: GET, OPTIONS\r\n"
               "Access-Control-Allow-Headers: Cache-Control, Last-Event-ID\r\n"
               "Access-Control-Max-Age: 86400\r\n");
    return out;
}
