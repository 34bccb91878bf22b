#include "deliveryprobe.h"

#include "clock.h"
#include "envelope.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace {

constexpr qint64 NsPerMs = 1000000;

// The servers' own frames (WebSocket welcome, heartbeat and replies; the SSE welcome) are not
// session events and carry no seq even in envelope mode.
bool isControlFrame(const QJsonObject &frame) {
    if (frame.contains(QLatin1String("sessionId")))
        return false;
    const QString event = frame.value(QLatin1String("event")).toString();
    return event == QLatin1String("connection") || event == QLatin1String("heartbeat")
           || event == QLatin1String("subscribed") || event == QLatin1String("unsubscribed")
           || event == QLatin1String("pong") || event == QLatin1String("error");
}

bool carriesSeq(const QJsonObject &config) {
    const PayloadFormat format =
        payloadFormatFromName(config.value(QLatin1String("payloadFormat")).toString());
    return format == PayloadFormat::Envelope;
}

} // namespace

DeliveryProbe::DeliveryProbe(DistributorType type, const QJsonObject &config, QObject *parent)
    : QObject(parent)
    , m_type(type)
    , m_config(config)
    , m_measurable(carriesSeq(config)) {
    setGracePeriodMs(DefaultGracePeriodMs);
    connect(&m_expiryTimer, &QTimer::timeout, this, &DeliveryProbe::expireDue);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, &DeliveryProbe::reopen);
}

DeliveryProbe::~DeliveryProbe() = default;

void DeliveryProbe::setGracePeriodMs(int ms) {
    m_ledger.setGracePeriodNs(qint64(qMax(0, ms)) * NsPerMs);
    // Check a few times per grace period, so a loss shows at most a quarter period late.
    m_expiryTimer.setInterval(qBound(20, ms / 4, 500));
}

int DeliveryProbe::gracePeriodMs() const {
    return int(m_ledger.gracePeriodNs() / NsPerMs);
}

void DeliveryProbe::start() {
    if (m_running)
        stop();
    m_ledger.clear();
    m_unsequenced = 0;
    m_measurable = carriesSeq(m_config);
    m_backoff.reset();
    m_running = true;
    m_expiryTimer.start();
    open();
}

void DeliveryProbe::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_reopenTimer.stop();
    m_expiryTimer.stop();
    close();
    m_connected = false;
    m_note.clear();
    emit statusChanged();
}

QString DeliveryProbe::note() const {
    if (m_measurable)
        return m_note;
    const QString unmeasurable =
        QStringLiteral("payloads carry no seq (payloadFormat legacy or raw): loss and latency "
                       "cannot be measured");
    return m_note.isEmpty() ? unmeasurable : m_note + QStringLiteral("; ") + unmeasurable;
}

void DeliveryProbe::expect(quint64 seq, qint64 enteredNs) {
    if (m_connected && m_measurable)
        m_ledger.expect(seq, enteredNs);
}

ProbeSnapshot DeliveryProbe::snapshot() const {
    ProbeSnapshot snapshot;
    snapshot.enabled = m_running;
    snapshot.connected = m_connected;
    snapshot.note = note();
    snapshot.received = m_ledger.received() + m_unsequenced;
    snapshot.lost = m_measurable ? m_ledger.lost() : 0;
    snapshot.duplicates = m_ledger.duplicates();
    const LatencyWindow::Summary latency = m_ledger.latency();
    snapshot.latencyP50Ms = double(latency.p50Us) / 1000.0;
    snapshot.latencyP99Ms = double(latency.p99Us) / 1000.0;
    snapshot.lastSeq = m_ledger.lastSeq();
    return snapshot;
}

void DeliveryProbe::connectionEstablished() {
    m_backoff.reset();
    m_note.clear();
    m_connected = true;
    emit statusChanged();
}

void DeliveryProbe::unavailable(const QString &reason) {
    close();
    m_note = QStringLiteral("not available: ") + reason;
    m_expiryTimer.stop();
    m_connected = false;
    emit statusChanged();
}

void DeliveryProbe::retryLater(const QString &reason) {
    if (!m_running)
        return;
    close();
    const int delayMs = m_backoff.nextDelayMs();
    m_note =
        reason + QStringLiteral(" (retrying in %1 s)").arg(double(delayMs) / 1000.0, 0, 'f', 1);
    m_reopenTimer.start(delayMs);
    m_connected = false;
    emit statusChanged();
}

void DeliveryProbe::setNote(const QString &note) {
    if (note == m_note)
        return;
    m_note = note;
    emit statusChanged();
}

void DeliveryProbe::received(quint64 seq) {
    m_ledger.receive(seq, Clock::monotonicNs());
}

void DeliveryProbe::receivePayload(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const QJsonObject frame = document.object();
    const QJsonValue seq = frame.value(QLatin1String("seq"));
    if (seq.isDouble() && seq.toDouble() >= 1) {
        received(quint64(seq.toDouble()));
        return;
    }
    if (document.isObject() && isControlFrame(frame))
        return;
    // Legacy and raw payloads: delivery is proven, but gaps cannot be seen. Seqs expected so
    // far would only turn into false losses.
    ++m_unsequenced;
    if (m_measurable) {
        m_measurable = false;
        m_ledger.clear();
        emit statusChanged();
    }
}

void DeliveryProbe::expireDue() {
    m_ledger.expire(Clock::monotonicNs());
}

void DeliveryProbe::reopen() {
    if (m_running)
        open();
}
