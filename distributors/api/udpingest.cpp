#include "udpingest.h"

#include "jsonutil.h"

#include "clock.h"
#include "eventbatch.h"
#include "jsontext.h"
#include "sessionmanager.h"

#include <QNetworkDatagram>

UdpIngest::UdpIngest(SessionManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_socket(this) {
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpIngest::readPending);
}

QString UdpIngest::bind(const QHostAddress &address, quint16 port) {
    close();
    if (!m_socket.bind(address, port))
        return QStringLiteral("Cannot bind UDP ingest to %1:%2: %3")
            .arg(address.toString())
            .arg(port)
            .arg(m_socket.errorString());
    // High-rate sources send bursts; a larger kernel buffer absorbs them between reads.
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024);
    return {};
}

void UdpIngest::close() {
    m_socket.close();
}

QJsonObject UdpIngest::statsJson() const {
    QJsonObject json{{QStringLiteral("udpPort"), localPort()},
                     {QStringLiteral("datagrams"), double(m_stats.datagrams)},
                     {QStringLiteral("lines"), double(m_stats.lines)},
                     {QStringLiteral("accepted"), double(m_stats.accepted)},
                     {QStringLiteral("malformed"), double(m_stats.malformed)},
                     {QStringLiteral("unknownSession"), double(m_stats.unknownSession)}};
    if (!m_stats.lastError.isEmpty()) {
        json.insert(QStringLiteral("lastError"), m_stats.lastError);
        json.insert(QStringLiteral("lastErrorAt"), double(m_stats.lastErrorAt));
    }
    return json;
}

QString UdpIngest::sample(const QByteArray &line) {
    QString text;
    const QByteArray head = line.left(SampleLength);
    for (const char c : head) {
        const uchar byte = uchar(c);
        if (byte >= 0x20 && byte < 0x7f)
            text.append(QLatin1Char(c));
        else
            text.append(QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0')));
    }
    if (line.size() > SampleLength)
        text.append(QStringLiteral("... (%1 bytes)").arg(line.size()));
    return text;
}

void UdpIngest::readPending() {
    while (m_socket.hasPendingDatagrams()) {
        const qint64 size = m_socket.pendingDatagramSize();
        ++m_stats.datagrams;
        if (size > MaxDatagramSize) {
            m_socket.receiveDatagram(0); // discards it
            reject(m_stats.malformed,
                   QStringLiteral("datagram of %1 bytes is over the limit of %2 bytes")
                       .arg(size)
                       .arg(MaxDatagramSize));
            continue;
        }
        handleDatagram(m_socket.receiveDatagram(MaxDatagramSize).data());
    }
}

void UdpIngest::handleDatagram(const QByteArray &datagram) {
    const QList<QByteArray> lines = datagram.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (!line.isEmpty())
            handleLine(line, int(i + 1));
    }
}

void UdpIngest::handleLine(const QByteArray &line, int lineNumber) {
    ++m_stats.lines;
    const QString where = QStringLiteral("line %1").arg(lineNumber);
    JsonText::SyntaxError syntax;
    const std::optional<QJsonValue> value = JsonText::parse(line, &syntax);
    if (!value) {
        reject(m_stats.malformed, QStringLiteral("%1, column %2: not valid JSON: %3 in: %4")
                                      .arg(where)
                                      .arg(syntax.column)
                                      .arg(syntax.reason, sample(line)));
        return;
    }
    QStringList errors;
    const std::optional<IngestEvent> event =
        EventBatch::readEvent(*value, where + QStringLiteral(": "), true, &errors);
    if (!event) {
        reject(m_stats.malformed,
               errors.join(QStringLiteral("; ")) + QStringLiteral(" in: ") + sample(line));
        return;
    }
    if (!m_manager || !m_manager->getSession(event->session)) {
        reject(m_stats.unknownSession, QStringLiteral("%1: session: Session %2 not found")
                                           .arg(where, sample(event->session.toUtf8())));
        return;
    }
    // The line was valid JSON: its data goes on the wire as written, unless it holds a carriage
    // return (legal JSON whitespace, but it would break SSE's line framing).
    const QByteArray dataText = JsonUtil::memberText(line, QStringLiteral("data"));
    if (!dataText.isEmpty() && !dataText.contains('\r'))
        m_manager->routeEventJson(event->session, event->event, dataText, event->routeOptions());
    else
        m_manager->routeEvent(event->session, event->event, event->data, event->routeOptions());
    ++m_stats.accepted;
}

void UdpIngest::reject(quint64 &counter, const QString &message) {
    ++counter;
    m_stats.lastError = message;
    m_stats.lastErrorAt = Clock::epochMs();
    if (!m_sinceProblemSignal.isValid()
        || m_sinceProblemSignal.elapsed() >= ProblemSignalIntervalMs) {
        m_sinceProblemSignal.start();
        emit problem(message);
    }
}
