#include "distributortablemodel.h"

#include "changedrows.h"
#include "distributortype.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace {

const QString NotConfigured = QStringLiteral("not configured");

double rounded(double value) {
    return std::round(value * 10) / 10;
}

// Loopback latencies are often a few microseconds; "0.0 ms" would hide them.
QString milliseconds(double value) {
    if (value < 1.0)
        return DistributorTableModel::tr("%1 µs").arg(QLocale().toString(value * 1000.0, 'f', 0));
    return DistributorTableModel::tr("%1 ms").arg(QLocale().toString(value, 'f', 1));
}

} // namespace

bool DistributorTableModel::Row::operator==(const Row &other) const {
    const DistributorSnapshot &a = d;
    const DistributorSnapshot &b = other.d;
    return type == other.type && configured == other.configured && a.active == b.active
           && a.state == b.state && a.target == b.target && a.hint == b.hint
           && a.lastError == b.lastError && a.lastErrorAt == b.lastErrorAt
           && a.connectedClients == b.connectedClients && a.sent == b.sent && a.failed == b.failed
           && a.droppedQueueFull == b.droppedQueueFull && a.droppedDisabled == b.droppedDisabled
           && a.droppedNoClients == b.droppedNoClients && a.queued == b.queued
           && a.sentPerSecond == b.sentPerSecond && a.latencyP95Ms == b.latencyP95Ms
           && a.failoverIndex == b.failoverIndex && a.failoverAlternatives == b.failoverAlternatives
           && a.probe.enabled == b.probe.enabled && a.probe.connected == b.probe.connected
           && a.probe.note == b.probe.note && a.probe.received == b.probe.received
           && a.probe.lost == b.probe.lost && a.probe.latencyP99Ms == b.probe.latencyP99Ms;
}

DistributorTableModel::DistributorTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
    for (const QString &type : DistributorTypes::names())
        m_rows.append(rowFor(type));
}

int DistributorTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DistributorTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool DistributorTableModel::hasSession() const {
    return !m_sessionId.isEmpty() && m_snapshot.session(m_sessionId);
}

QVariant DistributorTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const LiveStatus status =
        row.configured ? LiveStates::forDistributorState(row.d.state) : LiveStatus::Off;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::CheckStateRole:
        if (column == EnabledColumn && row.configured)
            return row.d.active ? Qt::Checked : Qt::Unchecked;
        if (column == ProbeColumn && row.configured)
            return row.d.probe.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::DecorationRole:
        if (column == StateColumn)
            return m_icons.icon(status);
        break;
    case Qt::ForegroundRole:
        if (!row.configured)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::FontRole:
        if (!row.configured) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column >= SentPerSecondColumn && column != ProbeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case TypeRole:
        return row.type;
    case ConfiguredRole:
        return row.configured;
    case ActiveRole:
        return row.d.active;
    case StatusRole:
        return int(status);
    case FailoverAvailableRole:
        return row.d.active && row.d.failoverAlternatives > 0;
    default:
        break;
    }
    return {};
}

QVariant DistributorTableModel::display(const Row &row, int column) const {
    const auto type = DistributorTypes::fromName(row.type);
    if (column == TypeColumn)
        return type ? DistributorTypes::label(*type) : row.type;
    if (column == StateColumn)
        return LiveStates::displayText(row.configured ? row.d.state : NotConfigured);
    if (!row.configured || column == EnabledColumn || column == ProbeColumn)
        return {};

    const DistributorSnapshot &d = row.d;
    const QLocale locale;
    switch (Column(column)) {
    case TargetColumn:
        if (!d.active && !d.hint.isEmpty())
            return d.hint; // e.g. how to start the broker the demo looked for
        if (d.connectedClients < 0)
            return d.target;
        return tr("%1 (%n client(s))", nullptr, d.connectedClients).arg(d.target);
    case SentPerSecondColumn:
        return locale.toString(d.sentPerSecond, 'f', 1);
    case QueuedColumn:
        return locale.toString(d.queued);
    case DroppedColumn:
        return locale.toString(d.dropped());
    case FailedColumn:
        return locale.toString(d.failed);
    case LatencyP95Column:
        return d.sent > 0 ? milliseconds(d.latencyP95Ms) : QString();
    case ProbeReceivedColumn:
        return d.probe.enabled ? locale.toString(d.probe.received) : QString();
    case ProbeLostColumn:
        return d.probe.enabled ? locale.toString(d.probe.lost) : QString();
    case ProbeP99Column:
        return d.probe.enabled && d.probe.received > 0 ? milliseconds(d.probe.latencyP99Ms)
                                                       : QString();
    default:
        return {};
    }
}

QVariant DistributorTableModel::toolTip(const Row &row, int column) const {
    if (!row.configured) {
        if (m_sessionId.isEmpty())
            return tr("No session selected");
        if (!hasSession())
            return tr("Session %1 is not running").arg(m_sessionId);
        return tr("This session has no configuration for %1").arg(row.type);
    }
    const DistributorSnapshot &d = row.d;
    // The last error is what an operator hovering over a failing row wants first.
    if (!d.lastError.isEmpty() && column != DroppedColumn) {
        const QString when = d.lastErrorAt > 0
                                 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(d.lastErrorAt),
                                                      QLocale::ShortFormat)
                                 : tr("unknown time");
        return tr("Last error (%1): %2").arg(when, d.lastError);
    }
    if (!d.active && !d.hint.isEmpty() && column == TargetColumn)
        return d.hint;
    switch (Column(column)) {
    case EnabledColumn:
        return d.active ? tr("Running: click to disable") : tr("Stopped: click to enable");
    case DroppedColumn:
        return tr("Queue full: %1\nDistributor disabled: %2\nNo clients connected: %3")
            .arg(QLocale().toString(d.droppedQueueFull), QLocale().toString(d.droppedDisabled),
                 QLocale().toString(d.droppedNoClients));
    case StateColumn:
        if (d.failoverAlternatives > 0)
            return tr("Using configuration %1 of %2 (0 is the primary)")
                .arg(d.failoverIndex)
                .arg(d.failoverAlternatives + 1);
        break;
    case ProbeColumn:
    case ProbeReceivedColumn:
    case ProbeLostColumn:
    case ProbeP99Column:
        if (!d.probe.note.isEmpty())
            return d.probe.note;
        break;
    default:
        break;
    }
    return {};
}

Qt::ItemFlags DistributorTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const Row &row = m_rows.at(index.row());
    if (row.configured && (index.column() == EnabledColumn || index.column() == ProbeColumn))
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool DistributorTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::CheckStateRole || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Row &row = m_rows.at(index.row());
    if (!row.configured)
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    if (index.column() == EnabledColumn) {
        if (checked && !row.d.active)
            emit enableRequested(row.type);
        else if (!checked && row.d.active)
            emit disableRequested(row.type);
        return true;
    }
    if (index.column() == ProbeColumn) {
        if (checked != row.d.probe.enabled)
            emit probeToggled(row.type, checked);
        return true;
    }
    return false;
}

QVariant DistributorTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const struct {
        const char *title;
        const char *toolTip;
    } headers[ColumnCount] = {
        {QT_TR_NOOP("Type"), QT_TR_NOOP("The distributor type")},
        {QT_TR_NOOP("Enabled"),
         QT_TR_NOOP("Whether the distributor runs; click to enable or disable it live")},
        {QT_TR_NOOP("State"), QT_TR_NOOP("Connection state as the distributor reports it")},
        {QT_TR_NOOP("Target"),
         QT_TR_NOOP("Where events go: URL, broker, address and port; connected clients for "
                    "servers")},
        {QT_TR_NOOP("Sent/s"), QT_TR_NOOP("Events sent per second")},
        {QT_TR_NOOP("Queued"),
         QT_TR_NOOP("Events waiting in the outbox, in flight or waiting to be retried")},
        {QT_TR_NOOP("Dropped"),
         QT_TR_NOOP("Events dropped: queue full, distributor disabled or no clients "
                    "(hover a cell for the breakdown)")},
        {QT_TR_NOOP("Failed"), QT_TR_NOOP("Sends that failed after all retries")},
        {QT_TR_NOOP("p95"), QT_TR_NOOP("95th percentile send latency")},
        {QT_TR_NOOP("Probe"),
         QT_TR_NOOP("Delivery probe: a real client that receives what the distributor sends")},
        {QT_TR_NOOP("Probe received"), QT_TR_NOOP("Distinct events the delivery probe received")},
        {QT_TR_NOOP("Probe lost"),
         QT_TR_NOOP("Events the delivery probe never received (gaps in the sequence)")},
        {QT_TR_NOOP("Probe p99"),
         QT_TR_NOOP("99th percentile latency from entering the session to arriving at the probe")},
    };
    if (role == Qt::DisplayRole)
        return tr(headers[section].title);
    if (role == Qt::ToolTipRole)
        return tr(headers[section].toolTip);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void DistributorTableModel::setSession(const QString &sessionId) {
    if (sessionId == m_sessionId)
        return;
    m_sessionId = sessionId;
    m_configuredTypes.clear();
    refresh();
    emit sessionChanged(sessionId);
}

void DistributorTableModel::setSnapshot(const EngineSnapshot &snapshot) {
    m_snapshot = snapshot;
    refresh();
}

void DistributorTableModel::setConfiguredTypes(const QStringList &types) {
    if (types == m_configuredTypes)
        return;
    m_configuredTypes = types;
    refresh();
}

DistributorTableModel::Row DistributorTableModel::rowFor(const QString &type) const {
    Row row;
    row.type = type;
    const SessionSnapshot *session =
        m_sessionId.isEmpty() ? nullptr : m_snapshot.session(m_sessionId);
    if (!session)
        return row;
    if (const DistributorSnapshot *d = session->distributor(type)) {
        row.d = *d;
        row.configured = d->configured || d->active;
    }
    if (!row.configured && m_configuredTypes.contains(type)) {
        row.configured = true;
        row.d.state = QStringLiteral("stopped");
    }
    row.d.sentPerSecond = rounded(row.d.sentPerSecond);
    row.d.latencyP95Ms = rounded(row.d.latencyP95Ms);
    row.d.probe.latencyP99Ms = rounded(row.d.probe.latencyP99Ms);
    return row;
}

void DistributorTableModel::refresh() {
    QList<int> changed;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row row = rowFor(m_rows.at(i).type);
        if (row != m_rows.at(i)) {
            m_rows[i] = std::move(row);
            changed.append(i);
        }
    }
    for (const auto &[first, last] : ChangedRows::ranges(changed, rowCount()))
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

QString DistributorTableModel::type(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).type : QString();
}

int DistributorTableModel::rowOf(const QString &type) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).type == type)
            return i;
    }
    return -1;
}
