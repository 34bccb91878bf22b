#include "sseeventparser.h"

QList<SseEventParser::Event> SseEventParser::feed(const QByteArray &bytes) {
    QList<Event> events;
    if (hasError())
        return events;
    m_buffer.append(bytes);
    qsizetype start = 0;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = m_buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        processLine(std::move(line), events);
        start = end + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > MaxLineBytes) {
        m_error = QStringLiteral("event stream line exceeds %1 bytes").arg(MaxLineBytes);
        m_buffer.clear();
    }
    return events;
}

void SseEventParser::reset() {
    *this = SseEventParser();
}

void SseEventParser::processLine(QByteArray line, QList<Event> &events) {
    if (line.isEmpty()) {
        // A blank line dispatches the event; one without data is discarded.
        if (m_hasData) {
            Event event;
            event.event =
                m_eventName.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(m_eventName);
            event.data = m_data;
            event.id = m_id;
            events.append(event);
        }
        m_eventName.clear();
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment (heartbeats)
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_eventName = value;
    } else if (field == "id") {
        m_id = value;
    }
}
