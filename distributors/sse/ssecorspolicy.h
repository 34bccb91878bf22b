#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QStringList>

// The CORS answer of the SSE server (SPEC §4.5 with its [REC]): a request Origin that is in the
// configured list is reflected; otherwise "*" when the list allows every origin, else the first
// listed origin (the original's behaviour, which lets that one origin's pages in).
class SseCorsPolicy {
public:
    explicit SseCorsPolicy(const QStringList &origins = {QStringLiteral("*")});
    static SseCorsPolicy fromConfig(const QJsonArray &origins);

    // The Access-Control-Allow-Origin value for a request from `origin` (empty when the request
    // has no Origin). Empty when no origin is allowed at all.
    QByteArray allowOrigin(const QByteArray &origin) const;
    // Every CORS header line ("Name: value\r\n") for a response to a request from `origin`.
    QByteArray headers(const QByteArray &origin) const;

private:
    QList<QByteArray> m_origins;
    bool m_wildcard = false;
};
