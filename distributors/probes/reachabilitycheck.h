#pragma once

#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

// Whether something accepts TCP connections at host:port, found out without blocking: a
// connect attempt that either succeeds, fails, or runs out of time. Used to see whether an MQTT
// broker answers before the demo session is configured with it.
class ReachabilityCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachabilityCheck)

public:
    explicit ReachabilityCheck(QObject *parent = nullptr);
    ~ReachabilityCheck() override;

    // Starts a check; finished() follows exactly once, never before this returns.
    void check(const QString &host, quint16 port, int timeoutMs);
    bool isRunning() const { return m_running; }

signals:
    // `error` says why when nothing answered.
    void finished(bool reachable, const QString &error);

private:
    void conclude(bool reachable, const QString &error);

    QTcpSocket m_socket;
    QTimer m_timeout;
    bool m_running = false;
};
