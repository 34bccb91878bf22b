#include "eventbatch.h"

#include "jsontext.h"

#include <QJsonArray>

#include <cmath>

namespace {

const QString EventKey = QStringLiteral("event");
const QString DataKey = QStringLiteral("data");
const QString TimestampKey = QStringLiteral("timestamp");
const QString SessionKey = QStringLiteral("session");

} // namespace

QJsonObject IngestEvent::routeOptions() const {
    if (!sourceTimestamp)
        return {};
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("sourceTimestamp"), *sourceTimestamp}}}};
}

void EventBatch::addError(Problem kind, const QString &message) {
    // Malformed JSON outranks a wrong shape: the client must fix the syntax first.
    if (problem != Problem::Malformed)
        problem = kind;
    if (errors.size() < MaxReportedErrors)
        errors.append(message);
    else if (errors.size() == MaxReportedErrors)
        errors.append(QStringLiteral("(further errors not listed)"));
}

std::optional<IngestEvent> EventBatch::readEvent(const QJsonValue &value, const QString &prefix,
                                                 bool requireSession, QStringList *errors) {
    const qsizetype before = errors->size();
    // A message about the item itself names the item: "events[3]: ...", "request body: ...".
    QString itself = prefix;
    if (prefix.isEmpty())
        itself = QStringLiteral("request body: ");
    else if (prefix.endsWith(QLatin1Char('.')))
        itself = prefix.chopped(1) + QStringLiteral(": ");
    if (!value.isObject()) {
        errors->append(itself
                       + QStringLiteral("expected an event object, got %1")
                             .arg(value.isArray()    ? QStringLiteral("an array")
                                  : value.isString() ? QStringLiteral("a string")
                                  : value.isDouble() ? QStringLiteral("a number")
                                  : value.isBool()   ? QStringLiteral("a boolean")
                                                     : QStringLiteral("null")));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    IngestEvent event;
    if (requireSession) {
        event.session = object.value(SessionKey).toString();
        if (event.session.isEmpty())
            errors->append(prefix + QStringLiteral("session: expected a non-empty string"));
    }
    event.event = object.value(EventKey).toString();
    if (event.event.isEmpty())
        errors->append(prefix + QStringLiteral("event: expected a non-empty string"));
    else if (event.event.size() > MaxEventNameLength)
        errors->append(
            prefix
            + QStringLiteral("event: expected at most %1 characters").arg(MaxEventNameLength));
    if (!object.contains(DataKey))
        errors->append(prefix + QStringLiteral("data: required (any JSON value)"));
    event.data = object.value(DataKey);
    const QJsonValue timestamp = object.value(TimestampKey);
    if (timestamp.isDouble() && std::isfinite(timestamp.toDouble()) && timestamp.toDouble() >= 0)
        event.sourceTimestamp = timestamp.toDouble();
    else if (!timestamp.isUndefined() && !timestamp.isNull())
        errors->append(prefix
                       + QStringLiteral("timestamp: expected a non-negative number (epoch ms)"));
    if (errors->size() > before)
        return std::nullopt;
    return event;
}

EventBatch EventBatch::fromJson(const QByteArray &body) {
    EventBatch batch;
    JsonText::SyntaxError syntax;
    const std::optional<QJsonValue> value = JsonText::parse(body, &syntax);
    if (!value) {
        batch.addError(Problem::Malformed,
                       JsonText::describe(QStringLiteral("request body"), syntax));
        return batch;
    }
    if (!value->isArray()) {
        QStringList problems;
        if (auto event = readEvent(*value, QString(), false, &problems))
            batch.events.append(*event);
        for (const QString &message : std::as_const(problems))
            batch.addError(Problem::WrongShape, message);
        return batch;
    }
    const QJsonArray array = value->toArray();
    if (array.isEmpty())
        batch.addError(Problem::WrongShape, QStringLiteral("events: expected at least one event"));
    for (qsizetype i = 0; i < array.size(); ++i) {
        QStringList problems;
        if (auto event =
                readEvent(array.at(i), QStringLiteral("events[%1].").arg(i), false, &problems))
            batch.events.append(*event);
        for (const QString &message : std::as_const(problems))
            batch.addError(Problem::WrongShape, message);
    }
    if (!batch.ok())
        batch.events.clear();
    return batch;
}

EventBatch EventBatch::fromNdjson(const QByteArray &body) {
    EventBatch batch;
    const QList<QByteArray> lines = body.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QString where = QStringLiteral("line %1").arg(i + 1);
        JsonText::SyntaxError syntax;
        const std::optional<QJsonValue> value = JsonText::parse(line, &syntax);
        if (!value) {
            batch.addError(Problem::Malformed, QStringLiteral("%1, column %2: not valid JSON: %3")
                                                   .arg(where)
                                                   .arg(syntax.column)
                                                   .arg(syntax.reason));
            continue;
        }
        QStringList problems;
        if (auto event = readEvent(*value, where + QStringLiteral(": "), false, &problems))
            batch.events.append(*event);
        for (const QString &message : std::as_const(problems))
            batch.addError(Problem::WrongShape, message);
    }
    if (batch.ok() && batch.events.isEmpty())
        batch.addError(Problem::WrongShape,
                       QStringLiteral("events: expected at least one event line"));
    if (!batch.ok())
        batch.events.clear();
    return batch;
}
