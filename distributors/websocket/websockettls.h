#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

// Builds the server side of wss:// from the operator's PEM files.
namespace WebSocketTls {

// The certificate chain and private key as a server configuration, or nothing with `error`
// naming the file that could not be used and why.
std::optional<QSslConfiguration> serverConfiguration(const QString &certificateFile,
                                                     const QString &keyFile, QString *error);

} // namespace WebSocketTls
