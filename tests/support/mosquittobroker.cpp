#include "mosquittobroker.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>

#include <unistd.h>

MosquittoBroker::MosquittoBroker()
    : MosquittoBroker(Options()) {}

MosquittoBroker::MosquittoBroker(const Options &options)
    : m_options(options) {
    if (m_options.port == 0)
        m_options.port = TestSupport::freeTcpPort();
    if (m_options.tls && m_options.tlsPort == 0)
        m_options.tlsPort = TestSupport::freeTcpPort();
}

MosquittoBroker::~MosquittoBroker() {
    kill();
}

bool MosquittoBroker::isAvailable() {
    return !QStandardPaths::findExecutable(
                QStringLiteral("mosquitto"),
                {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")})
                .isEmpty();
}

QString MosquittoBroker::url() const {
    return QStringLiteral("mqtt://127.0.0.1:%1").arg(m_options.port);
}

bool MosquittoBroker::writeConfig() {
    QString config;
    config += QStringLiteral("per_listener_settings false\npersistence false\n");
    config +=
        QStringLiteral("log_dest stderr\nlog_type error\nlog_type warning\nlog_type notice\n");
    if (geteuid() == 0)
        config += QStringLiteral("user root\n"); // stay root so the temporary files stay readable
    config += QStringLiteral("listener %1 127.0.0.1\n").arg(m_options.port);
    if (m_options.tls) {
        config += QStringLiteral("listener %1 127.0.0.1\ncafile %2\ncertfile %3\nkeyfile %4\n")
                      .arg(m_options.tlsPort)
                      .arg(m_options.caFile, m_options.certificateFile, m_options.keyFile);
    }
    if (m_options.requireCredentials) {
        const QString passwordFile = m_dir.filePath(QStringLiteral("passwords"));
        const int rc = QProcess::execute(QStringLiteral("mosquitto_passwd"),
                                         {QStringLiteral("-c"), QStringLiteral("-b"), passwordFile,
                                          m_options.username, m_options.password});
        if (rc != 0) {
            m_error = QStringLiteral("mosquitto_passwd failed (%1)").arg(rc);
            return false;
        }
        config += QStringLiteral("allow_anonymous false\npassword_file %1\n").arg(passwordFile);
    } else {
        config += QStringLiteral("allow_anonymous true\n");
    }
    config += m_options.extraConfig;
    QFile file(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(config.toUtf8());
    return true;
}

bool MosquittoBroker::start() {
    if (!isAvailable()) {
        m_error =
            QStringLiteral("mosquitto is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    if (!m_dir.isValid() || !writeConfig())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const QString program = QStandardPaths::findExecutable(
        QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    m_process->start(program,
                     {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("mosquitto.conf"))});
    if (!m_process->waitForStarted(5000)) {
        m_error = m_process->errorString();
        return false;
    }
    if (!waitUntilListening(m_options.port, 10000)
        || (m_options.tls && !waitUntilListening(m_options.tlsPort, 10000))) {
        m_error = QStringLiteral("mosquitto did not start listening: ") + log();
        return false;
    }
    return true;
}

bool MosquittoBroker::waitUntilListening(quint16 port, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            return false;
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (probe.waitForConnected(250)) {
            probe.abort();
            return true;
        }
        // A refused connect returns at once; wait for the process instead of spinning.
        m_process->waitForReadyRead(50);
    }
    return false;
}

void MosquittoBroker::kill() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool MosquittoBroker::restart() {
    kill();
    return start();
}

bool MosquittoBroker::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QString MosquittoBroker::log() const {
    return m_process ? QString::fromUtf8(m_process->readAll()) : QString();
}
