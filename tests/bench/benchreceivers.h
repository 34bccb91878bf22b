#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUdpSocket>

#include <atomic>
#include <memory>
#include <vector>

#include "mqttclient.h"

#include <QTcpSocket>
#include <QWebSocket>

// Receivers for the benchmark. Each lives on the receiver thread, counts what arrives and, for
// latency runs, notes the monotonic receipt time of every seq in a preallocated table (written
// by the receiver thread only, read by the main thread after `received` says the run is over).
class BenchReceiver : public QObject {
    Q_OBJECT

public:
    explicit BenchReceiver(quint64 capacity);
    quint64 received() const { return m_received.load(std::memory_order_acquire); }
    qint64 receiptNs(quint64 seq) const { return seq < m_receipts.size() ? m_receipts[seq] : 0; }
    void reset();

protected:
    // Finds "seq":<n> (envelope) or "id: <n>" (SSE) without parsing the whole JSON.
    void note(const char *data, qsizetype size);
    void count(quint64 n = 1) { m_received.fetch_add(n, std::memory_order_release); }

private:
    std::vector<qint64> m_receipts;
    std::atomic<quint64> m_received{0};
};

class UdpBenchReceiver final : public BenchReceiver {
    Q_OBJECT

public:
    using BenchReceiver::BenchReceiver;
    Q_INVOKABLE quint16 start();

private:
    void read();
    std::unique_ptr<QUdpSocket> m_socket;
};

class WebSocketBenchReceiver final : public BenchReceiver {
    Q_OBJECT

public:
    using BenchReceiver::BenchReceiver;
    ~WebSocketBenchReceiver() override;
    Q_INVOKABLE void open(const QString &url);
    bool isOpen() const { return m_open.load(); }

private:
    std::unique_ptr<QWebSocket> m_socket;
    std::atomic<bool> m_open{false};
};

class MqttBenchReceiver final : public BenchReceiver {
    Q_OBJECT

public:
    using BenchReceiver::BenchReceiver;
    ~MqttBenchReceiver() override;
    Q_INVOKABLE void open(quint16 port, const QString &topic);
    bool isSubscribed() const { return m_subscribed.load(); }

private:
    std::unique_ptr<MqttClient> m_client;
    std::atomic<bool> m_subscribed{false};
};

class SseBenchReceiver final : public BenchReceiver {
    Q_OBJECT

public:
    using BenchReceiver::BenchReceiver;
    ~SseBenchReceiver() override;
    Q_INVOKABLE void open(quint16 port, const QString &path);

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

// An HTTP/1.1 server that answers 200 to every request, keeping connections alive.
class HttpBenchReceiver final : public BenchReceiver {
    Q_OBJECT

public:
    using BenchReceiver::BenchReceiver;
    ~HttpBenchReceiver() override;
    Q_INVOKABLE quint16 start();

private:
    void serve(QTcpSocket *socket);
    std::unique_ptr<QTcpServer> m_server;
};
