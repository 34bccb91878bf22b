#pragma once

#include "deliveryledger.h"
#include "distributortype.h"
#include "enginesnapshot.h"
#include "retrypolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

// A real client of one distributor that proves delivery end to end (issue 6): it receives what
// the distributor sends, matches each envelope's `seq` with the seqs the engine routed to that
// distributor, and reports loss and latency beside the distributor's own counters.
//
// The engine calls expect() for every event it routes to the probed distributor, so seqs routed
// elsewhere are never counted as lost. Seqs are only expected while the probe is connected: an
// event sent before the probe could receive it proves nothing either way. Latency is measured
// from the event's entry into the session to its receipt, both on this machine's monotonic
// clock. Payloads without a seq (payloadFormat legacy or raw) are counted as received, and the
// note says that loss and latency cannot be measured.
//
// Subclasses implement the transport in open() and close() and report with the protected calls.
class DeliveryProbe : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryProbe)

public:
    static constexpr int DefaultGracePeriodMs = 2000;

    ~DeliveryProbe() override;

    DistributorType type() const { return m_type; }
    // The probed distributor's effective config, as given to the probe.
    const QJsonObject &config() const { return m_config; }

    // Starts receiving, with fresh counters. A probe that cannot work says why in the note.
    void start();
    // Stops receiving and releases every socket and port before it returns.
    void stop();
    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    // Whether the payloads carry a seq, so that loss and latency can be measured.
    bool isMeasurable() const { return m_measurable; }
    QString note() const;

    // How long an expected seq may take before it counts as lost (default 2 s).
    void setGracePeriodMs(int ms);
    int gracePeriodMs() const;

    void expect(quint64 seq, qint64 enteredNs);
    ProbeSnapshot snapshot() const;
    const DeliveryLedger &ledger() const { return m_ledger; }

signals:
    // connected or the note changed; never emitted per event.
    void statusChanged();

protected:
    DeliveryProbe(DistributorType type, const QJsonObject &config, QObject *parent = nullptr);

    // Open the client (connect, subscribe, bind, listen). Called by start() and by reopen
    // attempts after retryLater().
    virtual void open() = 0;
    // Release everything now; no signal of the transport may reach the probe afterwards.
    // Must be safe to call when nothing is open.
    virtual void close() = 0;

    // The client can receive from now on: expected seqs count.
    void connectionEstablished();
    // The client cannot receive for a reason that will not change by itself (a port taken by
    // another program, a remote target): the probe stays idle and says why.
    void unavailable(const QString &reason);
    // The connection failed or went away: closes the client and opens it again after a backoff.
    void retryLater(const QString &reason);
    // Shown while connecting, e.g. "connecting to ws://127.0.0.1:8090".
    void setNote(const QString &note);

    void received(quint64 seq);
    // One payload as it arrived, JSON text: an envelope with "seq", or a legacy/raw payload.
    // The servers' own frames (welcome, heartbeat, replies) are ignored.
    void receivePayload(const QByteArray &json);

private:
    void expireDue();
    void reopen();

    const DistributorType m_type;
    const QJsonObject m_config;
    DeliveryLedger m_ledger;
    bool m_running = false;
    bool m_connected = false;
    bool m_measurable = true;
    quint64 m_unsequenced = 0;
    QString m_note;
    QTimer m_expiryTimer;
    QTimer m_reopenTimer;
    ReconnectBackoff m_backoff{500, 5000};
};
