#pragma once

#include "udptarget.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>

#include <vector>

class QHostInfo;

// The destinations a UDP distributor has sent to, keyed by "host:port". IP literals and
// "localhost" are resolved at once; other names asynchronously with QHostInfo, so nothing ever
// waits for DNS. Entries are kept so their counters can be reported in the health details.
class UdpTargetTable final : public QObject {
    Q_OBJECT

public:
    // Bounds the table when events name ever-new targets in their options.
    static constexpr int MaxTargets = 256;

    explicit UdpTargetTable(QObject *parent = nullptr);
    ~UdpTargetTable() override;

    // Forgets every target and abandons the lookups still running.
    void clear();
    // The index of the target `spec` names, added (and resolved) if it is new; -1 when the
    // table is full.
    int add(const UdpTargetSpec &spec);
    int indexOf(const QString &label) const { return m_index.value(label, -1); }
    // References stay valid until the next add() or clear().
    UdpTarget &at(int index) { return m_targets[size_t(index)]; }
    const UdpTarget &at(int index) const { return m_targets[size_t(index)]; }
    int size() const { return int(m_targets.size()); }
    int pendingLookups() const { return int(m_lookups.size()); }
    QJsonArray toJson() const;

signals:
    // A host name lookup finished, successfully or not.
    void lookupFinished(int index);

private:
    void onLookupResult(const QHostInfo &info);

    std::vector<UdpTarget> m_targets;
    QHash<QString, int> m_index; // label → index in m_targets
    QHash<int, int> m_lookups;   // QHostInfo lookup id → index in m_targets
};
