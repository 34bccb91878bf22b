#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// The engine's answer to "apply this routing table", as plain values: the models layer cannot
// see the engine's RoutingReport, so the composition root copies it into this.
struct RoutingApplyReport {
    struct Entry {
        QString event;
        QString distributor;
        QString reason; // why a skipped entry does not deliver now; empty for accepted ones

        friend bool operator==(const Entry &a, const Entry &b) {
            return a.event == b.event && a.distributor == b.distributor && a.reason == b.reason;
        }
    };

    QList<Entry> accepted;
    QList<Entry> skipped;
    QString error; // set when the engine refused the whole table (nothing changed)

    bool ok() const { return error.isEmpty(); }
};

Q_DECLARE_METATYPE(RoutingApplyReport)
