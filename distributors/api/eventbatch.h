#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One event handed in from outside (the events endpoint or a UDP ingest line).
struct IngestEvent {
    QString session; // UDP lines name their session; the endpoint takes it from the path
    QString event;
    QJsonValue data;
    std::optional<double> sourceTimestamp; // the source's own clock, epoch ms

    // routeEvent options: the source time travels as metadata, while the envelope timestamp
    // stays the time the event entered the session (SPEC §5).
    QJsonObject routeOptions() const;
};

// A request body of events, checked completely before any event is routed (all or nothing).
struct EventBatch {
    enum class Problem { None, Malformed, WrongShape };

    static constexpr int MaxEventNameLength = 1024;
    static constexpr int MaxReportedErrors = 20;

    Problem problem = Problem::None;
    QList<IngestEvent> events;
    QStringList errors; // each names the field and the rule; at most MaxReportedErrors + 1

    bool ok() const { return problem == Problem::None; }

    // One event object or a JSON array of them.
    static EventBatch fromJson(const QByteArray &body);
    // Newline-delimited JSON, one event object per line; blank lines are skipped.
    static EventBatch fromNdjson(const QByteArray &body);

    // Checks one event object; messages start with `prefix` ("events[3].", "line 2: ").
    // With `requireSession`, a non-empty "session" string is required as well (UDP lines).
    static std::optional<IngestEvent> readEvent(const QJsonValue &value, const QString &prefix,
                                                bool requireSession, QStringList *errors);

private:
    void addError(Problem kind, const QString &message);
};
