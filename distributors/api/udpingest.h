#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUdpSocket>

class SessionManager;

// UDP ingest for high-rate sources (issue 6): each datagram holds one or more NDJSON lines
// {"session", "event", "data", "timestamp"?}. Lines stand alone — a bad line is counted and
// reported, the good lines of the same datagram are still routed — and nothing a sender puts
// in a datagram can do more than raise a counter.
class UdpIngest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpIngest)

public:
    static constexpr qint64 MaxDatagramSize = 64 * 1024;
    static constexpr int SampleLength = 80;
    // At most one problem() signal per this many ms; every problem is counted regardless.
    static constexpr int ProblemSignalIntervalMs = 1000;

    struct Stats {
        quint64 datagrams = 0;
        quint64 lines = 0;
        quint64 accepted = 0;
        quint64 malformed = 0; // not JSON, not an event object, or a datagram over the limit
        quint64 unknownSession = 0;
        QString lastError; // names the line and the rule, with a sample of the bad line
        qint64 lastErrorAt = 0;
    };

    explicit UdpIngest(SessionManager *manager, QObject *parent = nullptr);

    // Empty on success; otherwise why not, naming the address and port.
    QString bind(const QHostAddress &address, quint16 port);
    void close();
    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    quint16 localPort() const { return m_socket.localPort(); }

    const Stats &stats() const { return m_stats; }
    QJsonObject statsJson() const;

    // A printable, truncated copy of a bad line for messages: control and non-ASCII bytes as
    // \xNN, at most SampleLength bytes.
    static QString sample(const QByteArray &line);

signals:
    // A rejected line or datagram, rate-limited (see ProblemSignalIntervalMs).
    void problem(const QString &message);

private:
    void readPending();
    void handleDatagram(const QByteArray &datagram);
    void handleLine(const QByteArray &line, int lineNumber);
    void reject(quint64 &counter, const QString &message);

    QPointer<SessionManager> m_manager;
    QUdpSocket m_socket;
    Stats m_stats;
    QElapsedTimer m_sinceProblemSignal;
};
