#pragma once

#include "distributorconfigmap.h"
#include "eventrouting.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// A session's configuration as an operator writes it: the options of createSessionConfig and the
// body of a session config file. Absent stays apart from present everywhere, `${VAR}` references
// are kept as written (they are expanded when a session is built), and unknown keys are kept.
class SessionConfig {
public:
    static inline const QString DefaultTemplate = QStringLiteral("local_testing");

    QString sessionId;
    // Absent: the default template. Present but empty (or null in JSON): no template.
    std::optional<QString> templateName;
    DistributorConfigMap distributors;
    // Absent, null or empty: every configured type starts.
    std::optional<QStringList> enabledDistributors;
    EventRouting eventRouting;
    // Every other top-level key, as written (enableHealthCheck, retryAttempts, unroutedPolicy...).
    QJsonObject options;

    // The configured types that start with the session, in configuration order.
    QStringList enabledTypes() const;
    bool isEnabled(const QString &type) const;

    UnroutedPolicy unroutedPolicy() const;
    void setUnroutedPolicy(UnroutedPolicy policy);

    QJsonObject toJson() const;
    // Reads the known keys; the orders give document order for the two ordered maps.
    static SessionConfig fromJson(const QJsonObject &object,
                                  const QStringList &distributorOrder = {},
                                  const QStringList &routingOrder = {});

    friend bool operator==(const SessionConfig &a, const SessionConfig &b);
    friend bool operator!=(const SessionConfig &a, const SessionConfig &b) { return !(a == b); }
};
