// labrelay-bench: LabRelay's engine against the physical limit of this machine, beside the
// reference tools doing the same work in the same run. Prints a Markdown table.
//
//   labrelay-bench [--quick] [--memory-events N]
#include "benchreceivers.h"
#include "clock.h"
#include "envelope.h"
#include "mosquittobroker.h"
#include "sessionmanager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace {

QTextStream out(stdout);

struct Row {
    QString what;
    QString labrelay;
    QString reference;
    QString ratio;
    QString note;
};
QList<Row> rows;
constexpr quint64 Window = 5000;

QString rate(double perSecond) {
    return QString::number(qRound64(perSecond)) + QStringLiteral(" ev/s");
}

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

qint64 currentRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Runs the event loop until `done` or the timeout; the engine and its sockets need it.
bool waitFor(const std::function<bool()> &done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

template<typename T>
T *onThread(QThread &thread, T *object) {
    object->moveToThread(&thread);
    return object;
}

QJsonObject gazeSample(quint64 i) {
    return {{QStringLiteral("x"), 0.5 + 0.001 * double(i % 100)},
            {QStringLiteral("y"), 0.41},
            {QStringLiteral("confidence"), 0.95},
            {QStringLiteral("timestamp"), double(1725880799995 + qint64(i) * 5)},
            {QStringLiteral("worn"), true},
            {QStringLiteral("leftPupil"), QJsonObject{{QStringLiteral("diameter"), 3.2}}},
            {QStringLiteral("rightPupil"), QJsonObject{{QStringLiteral("diameter"), 3.1}}}};
}

Result<CreateSessionResult> createSession(SessionManager &manager, const QString &id,
                                          const QJsonObject &distributors) {
    SessionConfig options =
        SessionConfig::fromJson(QJsonObject{{QStringLiteral("template"), QJsonValue::Null},
                                            {QStringLiteral("distributors"), distributors}});
    QFuture<Result<CreateSessionResult>> future = manager.createSession(id, options);
    waitFor([&] { return future.isFinished(); }, 20000);
    return future.result();
}

void closeAll(SessionManager &manager) {
    QFuture<bool> closed = manager.cleanup();
    waitFor([&] { return closed.isFinished(); }, 20000);
}

// Routes `count` events as fast as the engine takes them, letting the event loop run between
// bursts so socket notifiers can drain; returns the events/s of the whole run until `received`.
double pump(SessionManager &manager, const QString &session, quint64 count,
            const std::function<quint64()> &received, int burst = 500) {
    QElapsedTimer timer;
    timer.start();
    for (quint64 i = 0; i < count; ++i) {
        // At most `window` events ahead of the receiver: sustained throughput, as a consumer
        // that keeps up sees it, rather than a burst into buffers.
        while (i >= Window && received() + Window < i)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 1);
        manager.routeEvent(session, QStringLiteral("neon_gaze_data"), gazeSample(i));
        if ((i + 1) % burst == 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    waitFor([&] { return received() >= count; }, 60000);
    return double(received()) * 1e9 / double(timer.nsecsElapsed());
}

// Events whose data is JSON text prepared before timing (as ingest receives it, and as the
// reference tools read prepared lines).
QList<QByteArray> jsonInputs() {
    QList<QByteArray> inputs;
    for (int i = 0; i < 1000; ++i)
        inputs.append("{\"x\":0.5" + QByteArray::number(i % 100)
                      + ",\"y\":0.41,\"confidence\":0.95,\"timestamp\":"
                      + QByteArray::number(1725880799995 + qint64(i) * 5)
                      + ",\"worn\":true,\"leftPupil\":{\"diameter\":3.2},"
                        "\"rightPupil\":{\"diameter\":3.1}}");
    return inputs;
}

double pumpJson(SessionManager &manager, const QString &session, quint64 count,
                const std::function<quint64()> &received) {
    static const QList<QByteArray> inputs = jsonInputs();
    const QString event = QStringLiteral("neon_gaze_data");
    QElapsedTimer timer;
    timer.start();
    for (quint64 i = 0; i < count; ++i) {
        // At most `window` events ahead of the receiver: sustained throughput, as a consumer
        // that keeps up sees it, rather than a burst into buffers.
        while (i >= Window && received() + Window < i)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 1);
        manager.routeEventJson(session, event, inputs.at(qsizetype(i % 1000)));
        if ((i + 1) % 500 == 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    waitFor([&] { return received() >= count; }, 60000);
    return double(received()) * 1e9 / double(timer.nsecsElapsed());
}

double rawSendtoRate(quint16 port, const QByteArray &payload, quint64 count,
                     UdpBenchReceiver &receiver) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(port);
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QElapsedTimer timer;
    timer.start();
    for (quint64 i = 0; i < count; ++i)
        ::sendto(fd, payload.constData(), size_t(payload.size()), 0,
                 reinterpret_cast<const sockaddr *>(&target), sizeof target);
    const double perSecond = double(count) * 1e9 / double(timer.nsecsElapsed());
    waitFor([&] { return receiver.received() >= count; }, 5000);
    ::close(fd);
    return perSecond;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LabRelay throughput and latency benchmark"));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Smaller runs."));
    const QCommandLineOption memoryEvents(
        QStringLiteral("memory-events"),
        QStringLiteral("Events in the memory run (default 10000000)."), QStringLiteral("n"),
        QStringLiteral("10000000"));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Run one part: udp, websocket, mqtt, fanout, latency, memory."),
        QStringLiteral("part"));
    parser.addOptions({quick, memoryEvents, only});
    parser.process(app);
    const quint64 scale = parser.isSet(quick) ? 10 : 1;
    const quint64 throughputEvents = 200000 / scale;
    const quint64 memoryRun = parser.value(memoryEvents).toULongLong() / scale;
    const QString part = parser.value(only);
    auto wanted = [&part](const char *name) {
        return part.isEmpty() || part == QLatin1String(name);
    };

    QThread receiverThread;
    receiverThread.start();
    SessionManager manager;

    // --- UDP: LabRelay vs a raw sendto loop, one event per datagram ---------------------------
    auto *udp = onThread(receiverThread, new UdpBenchReceiver(memoryRun + 1));
    quint16 udpPort = 0;
    QMetaObject::invokeMethod(udp, &UdpBenchReceiver::start, Qt::BlockingQueuedConnection,
                              &udpPort);
    const QString udpTarget = QStringLiteral("127.0.0.1:%1").arg(udpPort);
    const QByteArray payload =
        makeEnvelope(QStringLiteral("neon_gaze_data"), QStringLiteral("bench"), 1, Clock::epochMs(),
                     gazeSample(1))
            ->head
        + ",\"metadata\":{\"source\":\"labrelay\",\"distributor\":\"udp\"}}";
    auto udpSession = [&](bool compress) {
        return QJsonObject{{QStringLiteral("udp"),
                            QJsonObject{{QStringLiteral("port"), 9999},
                                        {QStringLiteral("compress"), compress},
                                        {QStringLiteral("queueSize"), 100000},
                                        {QStringLiteral("targets"), QJsonArray{udpTarget}}}}};
    };
    if (wanted("udp")) {
        const double raw = rawSendtoRate(udpPort, payload, throughputEvents, *udp);
        const quint64 rawReceived = udp->received();
        udp->reset();

        createSession(manager, QStringLiteral("udp"), udpSession(false));
        const double udpRate =
            pump(manager, QStringLiteral("udp"), throughputEvents, [&] { return udp->received(); });
        rows.append({QStringLiteral("UDP, 1 event per datagram (%1 events, %2 B)")
                         .arg(throughputEvents)
                         .arg(payload.size()),
                     rate(udpRate), rate(raw) + QStringLiteral(" raw sendto"),
                     QString::number(100.0 * udpRate / raw, 'f', 0) + QStringLiteral(" %"),
                     QStringLiteral("received %1 / %2 (raw loop: %3)")
                         .arg(udp->received())
                         .arg(throughputEvents)
                         .arg(rawReceived)});
        closeAll(manager);
        udp->reset();
        // The ingest path: data that arrives as JSON text goes on the wire without a round trip.
        udp->reset();
        createSession(manager, QStringLiteral("udpjson"), udpSession(false));
        {
            const double jsonRate = pumpJson(manager, QStringLiteral("udpjson"), throughputEvents,
                                             [&] { return udp->received(); });
            rows.append(
                {QStringLiteral("UDP, data given as JSON text (the ingest path)"), rate(jsonRate),
                 rate(raw) + QStringLiteral(" raw sendto"),
                 QString::number(100.0 * jsonRate / raw, 'f', 0) + QStringLiteral(" %"),
                 QStringLiteral("received %1 / %2").arg(udp->received()).arg(throughputEvents)});
        }
        closeAll(manager);
        udp->reset();
        createSession(manager, QStringLiteral("udpgz"), udpSession(true));
        const double gzipRate = pump(manager, QStringLiteral("udpgz"), throughputEvents / 4,
                                     [&] { return udp->received(); });
        rows.append({QStringLiteral("UDP with gzip (the default)"), rate(gzipRate), QString(),
                     QString(), QStringLiteral("zlib deflate per datagram dominates")});
        closeAll(manager);
        udp->reset();
    }

    // --- WebSocket: one client ---------------------------------------------------------------
    if (wanted("websocket")) {
        auto *ws = onThread(receiverThread, new WebSocketBenchReceiver(throughputEvents));
        const quint16 port = 47000 + quint16(QCoreApplication::applicationPid() % 1000);
        createSession(
            manager, QStringLiteral("ws"),
            QJsonObject{{QStringLiteral("websocket"),
                         QJsonObject{{QStringLiteral("port"), port},
                                     {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                     {QStringLiteral("heartbeatInterval"), 0}}}});
        QMetaObject::invokeMethod(ws, "open",
                                  Q_ARG(QString, QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        waitFor([&] { return ws->isOpen(); }, 5000);
        const double wsRate = pump(manager, QStringLiteral("ws"), throughputEvents / 2,
                                   [&] { return ws->received(); });
        rows.append({QStringLiteral("WebSocket, one client"), rate(wsRate), QString(), QString(),
                     QStringLiteral("received %1").arg(ws->received())});
        closeAll(manager);
        QMetaObject::invokeMethod(ws, &QObject::deleteLater);
    }

    // --- MQTT: QoS 0 and 1 through a local mosquitto vs mosquitto_pub -l ----------------------
    // The broker's default queue (1000 messages per client) would drop QoS 1 messages for a
    // subscriber that falls behind; the benchmark measures LabRelay, not that limit.
    MosquittoBroker::Options brokerOptions;
    brokerOptions.extraConfig =
        QStringLiteral("max_queued_messages 0\nmax_inflight_messages 0\nset_tcp_nodelay true\n");
    MosquittoBroker broker(brokerOptions);
    if (!wanted("mqtt") && !wanted("fanout") && !wanted("latency")) {
        // no broker needed
    } else if (!broker.start()) {
        rows.append(
            {QStringLiteral("MQTT"), QStringLiteral("n/a"), QString(), QString(), broker.error()});
    } else if (wanted("mqtt")) {
        const quint64 mqttEvents = throughputEvents / 2;
        auto *subscriber = onThread(receiverThread, new MqttBenchReceiver(mqttEvents));
        QMetaObject::invokeMethod(subscriber, "open", Q_ARG(quint16, broker.port()),
                                  Q_ARG(QString, QStringLiteral("bench/#")));
        waitFor([&] { return subscriber->isSubscribed(); }, 10000);

        QProcess publisher;
        publisher.start(QStringLiteral("mosquitto_pub"),
                        {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(broker.port()), QStringLiteral("-t"),
                         QStringLiteral("bench/reference"), QStringLiteral("-q"),
                         QStringLiteral("0"), QStringLiteral("-l")});
        publisher.waitForStarted();
        QByteArray lines;
        for (quint64 i = 1; i <= mqttEvents; ++i)
            lines += makeEnvelope(QStringLiteral("neon_gaze_data"), QStringLiteral("bench"), i, 0,
                                  gazeSample(i))
                         ->head
                     + "}\n";
        QElapsedTimer timer;
        timer.start();
        publisher.write(lines);
        publisher.closeWriteChannel();
        waitFor([&] { return subscriber->received() >= mqttEvents; }, 60000);
        const double reference =
            double(subscriber->received()) * 1e9 / double(timer.nsecsElapsed());
        publisher.waitForFinished();

        for (int qos : {0, 1}) {
            subscriber->reset();
            createSession(
                manager, QStringLiteral("mqtt%1").arg(qos),
                QJsonObject{{QStringLiteral("mqtt"),
                             QJsonObject{{QStringLiteral("broker"), broker.url()},
                                         {QStringLiteral("clientId"), QStringLiteral("bench")},
                                         {QStringLiteral("qos"), qos},
                                         {QStringLiteral("statusMessages"), false},
                                         {QStringLiteral("queueSize"), 100000},
                                         {QStringLiteral("topics"),
                                          QJsonObject{{QStringLiteral("prefix"),
                                                       QStringLiteral("bench")}}}}}});
            const double mqttRate = pumpJson(manager, QStringLiteral("mqtt%1").arg(qos), mqttEvents,
                                             [&] { return subscriber->received(); });
            rows.append(
                {QStringLiteral("MQTT QoS %1 via mosquitto, data as JSON text (%2 events)")
                     .arg(qos)
                     .arg(mqttEvents),
                 rate(mqttRate),
                 qos == 0 ? rate(reference) + QStringLiteral(" mosquitto_pub -l") : QString(),
                 qos == 0
                     ? QString::number(100.0 * mqttRate / reference, 'f', 0) + QStringLiteral(" %")
                     : QString(),
                 QStringLiteral("received %1, acknowledged by the broker %2")
                     .arg(subscriber->received())
                     .arg(manager.snapshot()
                              .session(QStringLiteral("mqtt%1").arg(qos))
                              ->distributor(QStringLiteral("mqtt"))
                              ->acknowledged)});
            closeAll(manager);
        }
        QMetaObject::invokeMethod(subscriber, &QObject::deleteLater);
    }

    // --- Fan-out: one event to all five -------------------------------------------------------
    if (broker.isRunning() && wanted("fanout")) {
        const quint64 fanEvents = throughputEvents / 20;
        auto *ws = onThread(receiverThread, new WebSocketBenchReceiver(fanEvents));
        auto *mqtt = onThread(receiverThread, new MqttBenchReceiver(fanEvents));
        auto *sse = onThread(receiverThread, new SseBenchReceiver(fanEvents));
        auto *http = onThread(receiverThread, new HttpBenchReceiver(fanEvents));
        quint16 httpPort = 0;
        QMetaObject::invokeMethod(http, &HttpBenchReceiver::start, Qt::BlockingQueuedConnection,
                                  &httpPort);
        const quint16 wsPort = 48000 + quint16(QCoreApplication::applicationPid() % 1000);
        const quint16 ssePort = wsPort + 1;
        QMetaObject::invokeMethod(mqtt, "open", Q_ARG(quint16, broker.port()),
                                  Q_ARG(QString, QStringLiteral("fan/#")));
        waitFor([&] { return mqtt->isSubscribed(); }, 10000);
        createSession(
            manager, QStringLiteral("fan"),
            QJsonObject{
                {QStringLiteral("udp"),
                 QJsonObject{{QStringLiteral("port"), 9999},
                             {QStringLiteral("compress"), false},
                             {QStringLiteral("targets"), QJsonArray{udpTarget}}}},
                {QStringLiteral("websocket"),
                 QJsonObject{{QStringLiteral("port"), wsPort},
                             {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}},
                {QStringLiteral("sse"),
                 QJsonObject{{QStringLiteral("port"), ssePort},
                             {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("endpoint"), QStringLiteral("/events")}}},
                {QStringLiteral("mqtt"),
                 QJsonObject{{QStringLiteral("broker"), broker.url()},
                             {QStringLiteral("clientId"), QStringLiteral("fan")},
                             {QStringLiteral("qos"), 0},
                             {QStringLiteral("statusMessages"), false},
                             {QStringLiteral("topics"),
                              QJsonObject{{QStringLiteral("prefix"), QStringLiteral("fan")}}}}},
                {QStringLiteral("http"),
                 QJsonObject{{QStringLiteral("baseUrl"),
                              QStringLiteral("http://127.0.0.1:%1").arg(httpPort)},
                             {QStringLiteral("maxInFlight"), 16},
                             {QStringLiteral("queueSize"), 100000}}}});
        QMetaObject::invokeMethod(ws, "open",
                                  Q_ARG(QString, QStringLiteral("ws://127.0.0.1:%1").arg(wsPort)));
        QMetaObject::invokeMethod(sse, "open", Q_ARG(quint16, ssePort),
                                  Q_ARG(QString, QStringLiteral("/events")));
        waitFor([&] { return ws->isOpen(); }, 5000);
        waitFor(
            [&] {
                const SessionSnapshot *fan = manager.snapshot().session(QStringLiteral("fan"));
                return fan && fan->distributor(QStringLiteral("sse"))->connectedClients > 0;
            },
            5000);
        const double fanRate = pump(manager, QStringLiteral("fan"), fanEvents, [&] {
            return std::min({udp->received(), ws->received(), mqtt->received(), sse->received(),
                             http->received()});
        });
        rows.append({QStringLiteral("Fan-out of each event to all five (%1 events)").arg(fanEvents),
                     rate(fanRate), QString(), QString(),
                     QStringLiteral("udp %1, ws %2, mqtt %3, sse %4, http %5")
                         .arg(udp->received())
                         .arg(ws->received())
                         .arg(mqtt->received())
                         .arg(sse->received())
                         .arg(http->received())});
        closeAll(manager);
        udp->reset();
    }

    // --- Latency from routeEvent to receipt at fixed rates ---------------------------------------
    auto latencyRow = [&](const QString &what, const QString &session,
                          const QJsonObject &distributors, BenchReceiver &receiver, int perSecond) {
        receiver.reset();
        createSession(manager, session, distributors);
        const quint64 events = quint64(perSecond) * 2; // two seconds
        std::vector<qint64> sentNs(events + 1, 0);
        // A source on a 1 ms precise timer, as an instrument driver would be: the event loop
        // idles between ticks instead of spinning against the receiver for the CPU.
        QElapsedTimer timer;
        timer.start();
        quint64 sent = 0;
        QTimer source;
        source.setTimerType(Qt::PreciseTimer);
        source.setInterval(1);
        QObject::connect(&source, &QTimer::timeout, &manager, [&] {
            const quint64 due = std::min<quint64>(events, quint64(timer.nsecsElapsed() / 1000)
                                                              * quint64(perSecond) / 1000000);
            while (sent < due) {
                ++sent;
                sentNs[sent] = Clock::monotonicNs();
                manager.routeEvent(session, QStringLiteral("neon_gaze_data"), gazeSample(sent));
            }
        });
        source.start();
        waitFor([&] { return sent >= events; }, 60000);
        source.stop();
        waitFor([&] { return receiver.received() >= events; }, 10000);
        std::vector<qint64> latencies;
        for (quint64 seq = 1; seq <= events; ++seq) {
            if (receiver.receiptNs(seq) > 0)
                latencies.push_back(receiver.receiptNs(seq) - sentNs[seq]);
        }
        std::sort(latencies.begin(), latencies.end());
        auto at = [&](double p) {
            return latencies.empty()
                       ? 0.0
                       : double(latencies[size_t(p * double(latencies.size() - 1))]) / 1000.0;
        };
        rows.append({what.arg(perSecond),
                     QStringLiteral("p50 %1 µs, p99 %2 µs")
                         .arg(at(0.50), 0, 'f', 1)
                         .arg(at(0.99), 0, 'f', 1),
                     QString(), QString(),
                     QStringLiteral("%1 of %2 received").arg(latencies.size()).arg(events)});
        closeAll(manager);
    };
    for (const int perSecond : {1000, 10000, 50000}) {
        if (!wanted("latency"))
            break;
        latencyRow(QStringLiteral("Latency routeEvent → UDP receipt at %1 ev/s"),
                   QStringLiteral("lat"), udpSession(false), *udp, perSecond);
    }
    if (broker.isRunning() && wanted("latency")) {
        auto *subscriber = onThread(receiverThread, new MqttBenchReceiver(20000));
        QMetaObject::invokeMethod(subscriber, "open", Q_ARG(quint16, broker.port()),
                                  Q_ARG(QString, QStringLiteral("latency/#")));
        waitFor([&] { return subscriber->isSubscribed(); }, 10000);
        for (const int qos : {0, 1}) {
            const QJsonObject mqtt{
                {QStringLiteral("mqtt"),
                 QJsonObject{
                     {QStringLiteral("broker"), broker.url()},
                     {QStringLiteral("clientId"), QStringLiteral("latency")},
                     {QStringLiteral("qos"), qos},
                     {QStringLiteral("statusMessages"), false},
                     {QStringLiteral("topics"),
                      QJsonObject{{QStringLiteral("prefix"), QStringLiteral("latency")}}}}}};
            latencyRow(
                QStringLiteral("Latency routeEvent → MQTT subscriber (QoS %1) at %2 ev/s").arg(qos),
                QStringLiteral("mqttlat"), mqtt, *subscriber, 1000);
        }
        QMetaObject::invokeMethod(subscriber, &QObject::deleteLater);
    }

    // --- Memory over many events --------------------------------------------------------------
    if (wanted("memory")) {
        udp->reset();
        createSession(manager, QStringLiteral("mem"), udpSession(false));
        QStringList samples;
        const quint64 step = std::max<quint64>(1, memoryRun / 10);
        qint64 firstKb = 0;
        for (quint64 i = 0; i < memoryRun; ++i) {
            manager.routeEvent(QStringLiteral("mem"), QStringLiteral("neon_gaze_data"),
                               gazeSample(i));
            if ((i + 1) % 1000 == 0)
                QCoreApplication::processEvents(QEventLoop::AllEvents);
            if ((i + 1) % step == 0) {
                const qint64 kb = currentRssKb();
                if (!firstKb)
                    firstKb = kb;
                samples.append(QString::number(kb / 1024));
            }
        }
        rows.append(
            {QStringLiteral("RSS while routing %1 events (MiB, every %2)").arg(memoryRun).arg(step),
             samples.join(QStringLiteral(" → ")), QString(), QString(),
             QStringLiteral("growth after the first sample: %1 MiB")
                 .arg((currentRssKb() - firstKb) / 1024)});
        closeAll(manager);
    }
    rows.append({QStringLiteral("Peak RSS of the whole run"),
                 QString::number(peakRssKb() / 1024) + QStringLiteral(" MiB"), QString(), QString(),
                 QStringLiteral("includes the receivers' latency tables")});

    out << "| Measurement | LabRelay | Reference | Ratio | Notes |\n|---|---|---|---|---|\n";
    for (const Row &row : std::as_const(rows))
        out << "| " << row.what << " | " << row.labrelay << " | " << row.reference << " | "
            << row.ratio << " | " << row.note << " |\n";
    out.flush();

    receiverThread.quit();
    receiverThread.wait();
    return 0;
}
