#pragma once

#include "syntheticoptions.h"
#include "syntheticsource.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

// Collects what a synthetic source emits, in order.
struct Captured {
    struct Event {
        QString name;
        QJsonObject data;
    };
    QList<Event> events;

    QList<QJsonObject> of(const QString &name) const {
        QList<QJsonObject> found;
        for (const Event &event : events) {
            if (event.name == name)
                found.append(event.data);
        }
        return found;
    }
    int count(const QString &name) const { return int(of(name).size()); }
};

inline SyntheticOptions syntheticOptions(const QJsonObject &json) {
    const Result<SyntheticOptions> result = SyntheticOptions::fromJson(json);
    Q_ASSERT(result.ok());
    return result.value();
}

// A source with a fixed epoch origin, so two runs with one seed are comparable.
inline std::unique_ptr<SyntheticSource> capturingSource(const QJsonObject &json,
                                                        Captured &captured) {
    auto source = std::make_unique<SyntheticSource>(
        syntheticOptions(json), [&captured](const QString &event, const QJsonValue &data) {
            captured.events.append({event, data.toObject()});
        });
    source->setEpochOriginMs(1700000000000);
    return source;
}
