#include "testsupport.h"

#include <QProcess>
#include <QTcpServer>
#include <QUdpSocket>

namespace TestSupport {

quint16 freeTcpPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

quint16 freeUdpPort() {
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

TestCertificates::TestCertificates() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    const QString extensions = m_dir.filePath(QStringLiteral("server.ext"));
    QFile ext(extensions);
    if (!ext.open(QIODevice::WriteOnly)) {
        m_error = ext.errorString();
        return;
    }
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
              "basicConstraints=CA:FALSE\n"
              "keyUsage=digitalSignature,keyEncipherment\n"
              "extendedKeyUsage=serverAuth\n");
    ext.close();
    const QString caKey = m_dir.filePath(QStringLiteral("ca.key"));
    const QString serverCsr = m_dir.filePath(QStringLiteral("server.csr"));
    m_valid =
        run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=LabRelay Test CA"),
             QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caFile()})
        && run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                QStringLiteral("-keyout"), keyFile(), QStringLiteral("-out"), serverCsr})
        && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), serverCsr,
                QStringLiteral("-CA"), caFile(), QStringLiteral("-CAkey"), caKey,
                QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), extensions, QStringLiteral("-out"), certificateFile()});
    if (m_valid) {
        // mosquitto may run as another user; the key must stay readable to it.
        QFile::setPermissions(keyFile(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther
                                             | QFile::ReadGroup);
    }
}

QString TestCertificates::caFile() const {
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QString TestCertificates::certificateFile() const {
    return m_dir.filePath(QStringLiteral("server.pem"));
}

QString TestCertificates::keyFile() const {
    return m_dir.filePath(QStringLiteral("server.key"));
}

bool TestCertificates::run(const QStringList &arguments) {
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.first(), QString::fromUtf8(openssl.readAll()));
        return false;
    }
    return true;
}

} // namespace TestSupport
