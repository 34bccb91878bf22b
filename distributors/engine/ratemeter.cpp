#include "ratemeter.h"

void RateMeter::measure(EngineSnapshot &snapshot) {
    for (SessionSnapshot &session : snapshot.sessions) {
        session.eventsPerSecond = measure(session.id, session.eventsIn, snapshot.timestamp);
        for (DistributorSnapshot &distributor : session.distributors)
            distributor.sentPerSecond =
                measure(key(session.id, distributor.type), distributor.sent, snapshot.timestamp);
    }
}

void RateMeter::fill(SessionSnapshot &session) const {
    session.eventsPerSecond = m_samples.value(session.id).perSecond;
    for (DistributorSnapshot &distributor : session.distributors)
        distributor.sentPerSecond = m_samples.value(key(session.id, distributor.type)).perSecond;
}

void RateMeter::forget(const QString &sessionId) {
    const QString prefix = key(sessionId, QString());
    m_samples.removeIf([&](const auto &entry) {
        return entry.key() == sessionId || entry.key().startsWith(prefix);
    });
}

QString RateMeter::key(const QString &sessionId, const QString &type) {
    return sessionId + QLatin1Char('/') + type;
}

double RateMeter::measure(const QString &key, quint64 count, qint64 at) {
    Sample &sample = m_samples[key];
    // A counter that went backwards belongs to a new session of the same id: start over.
    if (sample.at > 0 && at > sample.at && count >= sample.count)
        sample.perSecond = double(count - sample.count) * 1000.0 / double(at - sample.at);
    sample.count = count;
    sample.at = at;
    return sample.perSecond;
}
