#pragma once

#include "testpeers.h"

#include <QObject>
#include <QTcpSocket>

// A minimal EventSource for the headless end-to-end test: GETs the SSE stream on 127.0.0.1 and
// keeps the JSON of every `data:` field that carries an envelope (the welcome frame has no
// "seq" and is left out).
class SseReader final
    : public QObject
    , public EnvelopeCollector {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseReader)

public:
    SseReader(quint16 port, const QByteArray &path, QObject *parent = nullptr);

    // The status code once the response head has arrived; 0 before.
    int status() const { return m_status; }

private:
    void read();
    void parseFrames();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_status = 0;
};
