#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// An incremental reader of a text/event-stream body (WHATWG HTML §9.2.6): bytes in, complete
// events out. Comments and unknown fields are skipped; a line longer than MaxLineBytes means
// the peer is not sending an event stream, and parsing stops with an error rather than
// buffering without limit.
class SseEventParser final {
public:
    static constexpr qsizetype MaxLineBytes = 1024 * 1024;

    struct Event {
        QString event; // "message" when the frame has no event field
        QByteArray data;
        QByteArray id;
    };

    // Appends `bytes` and returns the events they completed.
    QList<Event> feed(const QByteArray &bytes);
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    void reset();

private:
    void processLine(QByteArray line, QList<Event> &events);

    QByteArray m_buffer;
    QByteArray m_eventName;
    QByteArray m_data;
    QByteArray m_id;
    bool m_hasData = false;
    QString m_error;
};
