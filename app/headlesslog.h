#pragma once

#include <QHash>
#include <QObject>
#include <QTextStream>

class ControlApiServer;
class SessionManager;
class UdpIngest;

// One line on stderr per notable change of a headless run: sessions created, changing state and
// closed, distributor state changes with their detail, errors, failovers, config warnings,
// routing changes, API and ingest problems. Never a line per event.
class HeadlessLog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessLog)

public:
    explicit HeadlessLog(QObject *parent = nullptr);

    void watch(SessionManager *manager);
    void watch(ControlApiServer *server);
    void watch(UdpIngest *ingest);

    void line(const QString &text);
    void sessionLine(const QString &sessionId, const QString &text);

private:
    QTextStream m_err;
    QHash<QString, QString> m_lastState; // by session: the engine may repeat a state
};
