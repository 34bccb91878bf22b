#pragma once

#include "enginesnapshot.h"

#include <QHash>
#include <QString>

// Events per second per session (events in) and per distributor (sent), measured between the
// engine's fixed-rate snapshots. Reading the latest rates never disturbs the measurement, so the
// API can ask at any moment while the GUI's snapshots keep a steady period.
class RateMeter {
public:
    // Measures `snapshot` against the previous measurement, writes its rates, and remembers its
    // totals for the next one.
    void measure(EngineSnapshot &snapshot);
    // Writes the latest measured rates into `session`.
    void fill(SessionSnapshot &session) const;
    // Drops what was measured for a closed session and its distributors.
    void forget(const QString &sessionId);

private:
    struct Sample {
        quint64 count = 0;
        qint64 at = 0;
        double perSecond = 0;
    };
    static QString key(const QString &sessionId, const QString &type);
    double measure(const QString &key, quint64 count, qint64 at);

    QHash<QString, Sample> m_samples; // "session" or "session/type" → last totals
};
