#pragma once

#include <sys/socket.h>

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

// Where one datagram copy goes, as written in a config or in a send's `targets` option:
// {"host": …, "port": …} (missing parts take the distributor's host/port) or "host:port".
struct UdpTargetSpec {
    QString host;
    quint16 port = 0;
    QString error; // why the entry is unusable; empty when it is fine

    bool isValid() const { return error.isEmpty(); }
    // "host:port", with IPv6 literals in brackets: the key of the per-target counters.
    QString label() const;

    static UdpTargetSpec parse(const QJsonValue &value, const QString &defaultHost,
                               quint16 defaultPort);
};

// One destination with its resolved address and its own delivery counters (SPEC §4.4: results
// and stats are kept per target).
struct UdpTarget {
    enum class Resolution { Resolved, Resolving, Failed };

    QString host;
    quint16 port = 0;
    QString label;
    QHostAddress address;
    Resolution resolution = Resolution::Resolving;
    // The address as the kernel takes it, made once from `address` (see UdpDistributor).
    sockaddr_storage native{};
    socklen_t nativeLength = 0;
    QString resolveError;

    quint64 sent = 0;
    quint64 failed = 0;
    quint64 bytes = 0;
    QString lastError;

    QJsonObject toJson() const;
};
