#include "websockettls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace {

std::optional<QByteArray> readFile(const QString &kind, const QString &fileName, QString *error) {
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("WebSocket TLS %1 file %2 cannot be read: %3")
                     .arg(kind, fileName, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

QSslKey parseKey(const QByteArray &pem) {
    // The PEM header does not always name the algorithm (PKCS#8), so try the usual ones.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

namespace WebSocketTls {

std::optional<QSslConfiguration> serverConfiguration(const QString &certificateFile,
                                                     const QString &keyFile, QString *error) {
    if (certificateFile.isEmpty() || keyFile.isEmpty()) {
        *error = QStringLiteral("WebSocket TLS needs both tlsCertificateFile and tlsKeyFile");
        return std::nullopt;
    }
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("WebSocket TLS is not available: no TLS backend is installed");
        return std::nullopt;
    }
    const std::optional<QByteArray> certificatePem =
        readFile(QStringLiteral("certificate"), certificateFile, error);
    if (!certificatePem)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("WebSocket TLS certificate file %1 holds no PEM certificate")
                     .arg(certificateFile);
        return std::nullopt;
    }
    const std::optional<QByteArray> keyPem = readFile(QStringLiteral("key"), keyFile, error);
    if (!keyPem)
        return std::nullopt;
    const QSslKey key = parseKey(*keyPem);
    if (key.isNull()) {
        *error = QStringLiteral("WebSocket TLS key file %1 holds no unencrypted PEM private key")
                     .arg(keyFile);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // consumers have no certificates
    return configuration;
}

} // namespace WebSocketTls
