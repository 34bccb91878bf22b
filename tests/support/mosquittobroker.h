#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real mosquitto broker for tests: its own config in a temporary directory, listening on
// loopback only, started as a child process and killed with the fixture.
class MosquittoBroker {
public:
    struct Options {
        quint16 port = 0; // 0: pick a free port
        bool requireCredentials = false;
        QString username = QStringLiteral("lab");
        QString password = QStringLiteral("secret-pass");
        bool tls = false; // adds a TLS listener (tlsPort) with the given files
        quint16 tlsPort = 0;
        QString caFile;
        QString certificateFile;
        QString keyFile;
        QString extraConfig; // appended to mosquitto.conf as written
    };

    MosquittoBroker();
    explicit MosquittoBroker(const Options &options);
    ~MosquittoBroker();

    // Starts the broker and waits until it accepts connections. On failure, error() says why.
    bool start();
    // Kills the broker (no goodbye to clients), as a crash or a pulled cable would.
    void kill();
    // Starts it again on the same ports.
    bool restart();
    bool isRunning() const;

    quint16 port() const { return m_options.port; }
    quint16 tlsPort() const { return m_options.tlsPort; }
    QString url() const;
    QString error() const { return m_error; }
    QString log() const;

    static bool isAvailable();

private:
    bool writeConfig();
    bool waitUntilListening(quint16 port, int timeoutMs);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};
