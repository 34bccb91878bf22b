#pragma once

#include <QString>
#include <QTemporaryDir>

// Small helpers shared by the tests.
namespace TestSupport {

// A TCP port that was free a moment ago on 127.0.0.1 (for configs that need a fixed port;
// prefer port 0 where the code under test allows it).
quint16 freeTcpPort();
quint16 freeUdpPort();

// A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost,
// generated with the openssl command in a temporary directory.
class TestCertificates {
public:
    TestCertificates();
    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString caFile() const;
    QString certificateFile() const;
    QString keyFile() const;

private:
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace TestSupport
