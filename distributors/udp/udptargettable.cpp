#include "udptargettable.h"

#include <QHostInfo>

UdpTargetTable::UdpTargetTable(QObject *parent)
    : QObject(parent) {}

UdpTargetTable::~UdpTargetTable() {
    clear();
}

void UdpTargetTable::clear() {
    for (auto it = m_lookups.cbegin(); it != m_lookups.cend(); ++it)
        QHostInfo::abortHostLookup(it.key());
    m_lookups.clear();
    m_targets.clear();
    m_index.clear();
}

int UdpTargetTable::add(const UdpTargetSpec &spec) {
    const QString label = spec.label();
    if (const int existing = indexOf(label); existing >= 0)
        return existing;
    if (size() >= MaxTargets)
        return -1;

    UdpTarget target;
    target.host = spec.host;
    target.port = spec.port;
    target.label = label;
    if (spec.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        // Never ask a resolver about localhost: it must stay on this machine (and IPv4).
        target.address = QHostAddress(QHostAddress::LocalHost);
        target.nativeLength = 0;
        target.resolution = UdpTarget::Resolution::Resolved;
    } else if (target.address.setAddress(spec.host)) {
        target.resolution = UdpTarget::Resolution::Resolved;
    }
    const int index = size();
    m_targets.push_back(std::move(target));
    m_index.insert(label, index);

    if (m_targets.back().resolution == UdpTarget::Resolution::Resolving) {
        const int id = QHostInfo::lookupHost(spec.host, this, &UdpTargetTable::onLookupResult);
        m_lookups.insert(id, index);
    }
    return index;
}

void UdpTargetTable::onLookupResult(const QHostInfo &info) {
    const auto lookup = m_lookups.constFind(info.lookupId());
    if (lookup == m_lookups.cend())
        return; // a lookup of a table that has been cleared since
    const int index = lookup.value();
    m_lookups.erase(lookup);

    UdpTarget &target = at(index);
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        target.resolution = UdpTarget::Resolution::Failed;
        target.resolveError = QStringLiteral("cannot resolve %1: %2")
                                  .arg(target.host, info.error() != QHostInfo::NoError
                                                        ? info.errorString()
                                                        : QStringLiteral("no address"));
    } else {
        // The socket is IPv4; an IPv6-only name is still tried, and the send reports why it
        // cannot go there.
        target.address = addresses.first();
        target.nativeLength = 0;
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                target.address = address;
                target.nativeLength = 0;
                break;
            }
        }
        target.resolution = UdpTarget::Resolution::Resolved;
    }
    emit lookupFinished(index);
}

QJsonArray UdpTargetTable::toJson() const {
    QJsonArray array;
    for (const UdpTarget &target : m_targets)
        array.append(target.toJson());
    return array;
}
