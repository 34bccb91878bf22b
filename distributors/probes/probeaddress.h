#pragma once

#include <QHostAddress>
#include <QString>

// Where a probe on this machine reaches a distributor, and whether a target is this machine.
namespace ProbeAddress {

// The address to connect to for a server listening on `listenHost`: the wildcards and
// "localhost" are reached on loopback (IPv4, as the servers bind "localhost" to 127.0.0.1).
QString connectHost(const QString &listenHost);
// "localhost" or a loopback literal (127.0.0.0/8, ::1).
bool isLoopback(const QString &host);
// The loopback address to bind for `host`, or a null address when `host` is not loopback.
QHostAddress loopbackAddress(const QString &host);
// "host:port", IPv6 literals in brackets.
QString hostPort(const QString &host, quint16 port);

} // namespace ProbeAddress
