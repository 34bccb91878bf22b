#pragma once

#include <QHostAddress>
#include <QString>

// How the control API listens (issue 6): loopback on port 7380 unless told otherwise, a bearer
// token that is mandatory off loopback, and a limit on request bodies.
struct ControlApiOptions {
    static constexpr quint16 DefaultPort = 7380;
    static constexpr qint64 DefaultBodyLimit = 8 * 1024 * 1024;

    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = DefaultPort; // 0: any free port (see ControlApiServer::serverPort())
    QString token;              // empty: no Authorization required (loopback only)
    qint64 bodyLimit = DefaultBodyLimit;

    // Empty when the options can be used; otherwise what is wrong, naming the setting.
    QString problem() const;
    QString addressText() const;
};
