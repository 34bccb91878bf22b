#include "distributortablemodel.h"
#include "livestatus.h"
#include "livetesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace LiveTest;
using Model = DistributorTableModel;

class TestDistributorTableModel final : public QObject {
    Q_OBJECT

private slots:
    void fiveRowsInRegistryOrder();
    void snapshotSequenceKeepsModelConsistent();
    void unconfiguredTypesAreGreyedAndNotCheckable();
    void configuredTypesFromConfigShowAsStopped();
    void checkboxRequestsAndDoesNotChangeData_data();
    void checkboxRequestsAndDoesNotChangeData();
    void unconfiguredCheckboxIsRefused();
    void unchangedSnapshotEmitsNothing();
    void changedRowsAreBatched_data();
    void changedRowsAreBatched();
    void selectedSessionDisappearing();
    void columnsShowCountersAndProbe();
    void lastErrorIsTheToolTip();
    void headerHasTitleAndToolTipForEveryColumn();
};

namespace {

const QString Http = QStringLiteral("http");
const QString Mqtt = QStringLiteral("mqtt");
const QString Udp = QStringLiteral("udp");

// Session "s1" with http running and mqtt configured but stopped.
EngineSnapshot baseSnapshot() {
    SessionSnapshot s = session(QStringLiteral("s1"));
    s.distributors = {distributor(Http, true), distributor(Mqtt, false)};
    return engine({s});
}

QModelIndex cell(const Model &model, const QString &type, int column) {
    return model.index(model.rowOf(type), column);
}

} // namespace

void TestDistributorTableModel::fiveRowsInRegistryOrder() {
    Model model;
    QCOMPARE(model.rowCount(), 5);
    const QStringList expected{QStringLiteral("http"), QStringLiteral("websocket"),
                               QStringLiteral("mqtt"), QStringLiteral("udp"),
                               QStringLiteral("sse")};
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(model.type(row), expected.at(row));
        QCOMPARE(model.index(row, Model::StateColumn).data().toString(),
                 QStringLiteral("not configured"));
    }
    QCOMPARE(model.index(0, Model::TypeColumn).data().toString(), QStringLiteral("HTTP"));
}

void TestDistributorTableModel::snapshotSequenceKeepsModelConsistent() {
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(engine({}));
    EngineSnapshot snapshot = baseSnapshot();
    model.setSnapshot(snapshot);
    snapshot.sessions[0].distributors[0].state = QStringLiteral("degraded");
    snapshot.sessions[0].distributors.append(distributor(Udp, true, QStringLiteral("connecting")));
    model.setSnapshot(snapshot);
    model.setConfiguredTypes({Http, Mqtt, Udp, QStringLiteral("sse")});
    model.setSession(QStringLiteral("other"));
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(engine({}));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(resets.count(), 0);
}

void TestDistributorTableModel::unconfiguredTypesAreGreyedAndNotCheckable() {
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());

    const QModelIndex ws = cell(model, QStringLiteral("websocket"), Model::EnabledColumn);
    QVERIFY(!(ws.flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!ws.data(Qt::CheckStateRole).isValid());
    QVERIFY(ws.data(Qt::ForegroundRole).isValid());
    QVERIFY(!ws.data(Model::ConfiguredRole).toBool());
    QCOMPARE(cell(model, QStringLiteral("websocket"), Model::StateColumn).data().toString(),
             QStringLiteral("not configured"));
    QCOMPARE(cell(model, QStringLiteral("websocket"), Model::StateColumn)
                 .data(Model::StatusRole)
                 .toInt(),
             int(LiveStatus::Off));

    const QModelIndex http = cell(model, Http, Model::EnabledColumn);
    QVERIFY(http.flags() & Qt::ItemIsUserCheckable);
    QVERIFY(!http.data(Qt::ForegroundRole).isValid());
    QCOMPARE(http.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(
        cell(model, Mqtt, Model::EnabledColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Unchecked);
    QCOMPARE(cell(model, Http, Model::StateColumn).data().toString(), QStringLiteral("connected"));
    QVERIFY(
        !cell(model, Http, Model::StateColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestDistributorTableModel::configuredTypesFromConfigShowAsStopped() {
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setConfiguredTypes({Http, Mqtt, Udp});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), model.rowOf(Udp));
    QVERIFY(cell(model, Udp, Model::EnabledColumn).flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(cell(model, Udp, Model::StateColumn).data().toString(), QStringLiteral("stopped"));

    // Configured types belong to one session: another session starts without them.
    model.setSession(QStringLiteral("s2"));
    model.setSession(QStringLiteral("s1"));
    QCOMPARE(cell(model, Udp, Model::StateColumn).data().toString(),
             QStringLiteral("not configured"));
}

void TestDistributorTableModel::checkboxRequestsAndDoesNotChangeData_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("expectedSignal"); // "" for none

    QTest::newRow("enable stopped")
        << Mqtt << int(Model::EnabledColumn) << int(Qt::Checked) << QStringLiteral("enable");
    QTest::newRow("disable running")
        << Http << int(Model::EnabledColumn) << int(Qt::Unchecked) << QStringLiteral("disable");
    QTest::newRow("enable running: nothing")
        << Http << int(Model::EnabledColumn) << int(Qt::Checked) << QString();
    QTest::newRow("disable stopped: nothing")
        << Mqtt << int(Model::EnabledColumn) << int(Qt::Unchecked) << QString();
    QTest::newRow("probe on") << Http << int(Model::ProbeColumn) << int(Qt::Checked)
                              << QStringLiteral("probe-on");
    QTest::newRow("probe off while off: nothing")
        << Http << int(Model::ProbeColumn) << int(Qt::Unchecked) << QString();
}

void TestDistributorTableModel::checkboxRequestsAndDoesNotChangeData() {
    QFETCH(QString, type);
    QFETCH(int, column);
    QFETCH(int, value);
    QFETCH(QString, expectedSignal);

    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());
    QSignalSpy enable(&model, &Model::enableRequested);
    QSignalSpy disable(&model, &Model::disableRequested);
    QSignalSpy probe(&model, &Model::probeToggled);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QModelIndex index = cell(model, type, column);
    const QVariant before = index.data(Qt::CheckStateRole);
    QVERIFY(model.setData(index, value, Qt::CheckStateRole));

    QCOMPARE(index.data(Qt::CheckStateRole), before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(enable.count(), expectedSignal == QLatin1String("enable") ? 1 : 0);
    QCOMPARE(disable.count(), expectedSignal == QLatin1String("disable") ? 1 : 0);
    QCOMPARE(probe.count(), expectedSignal.startsWith(QLatin1String("probe")) ? 1 : 0);
    if (!enable.isEmpty())
        QCOMPARE(enable.at(0).at(0).toString(), type);
    if (!disable.isEmpty())
        QCOMPARE(disable.at(0).at(0).toString(), type);
    if (!probe.isEmpty()) {
        QCOMPARE(probe.at(0).at(0).toString(), type);
        QCOMPARE(probe.at(0).at(1).toBool(), true);
    }
}

void TestDistributorTableModel::unconfiguredCheckboxIsRefused() {
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());
    QSignalSpy enable(&model, &Model::enableRequested);
    QVERIFY(
        !model.setData(cell(model, Udp, Model::EnabledColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(
        !model.setData(cell(model, Http, Model::TargetColumn), QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(enable.count(), 0);
}

void TestDistributorTableModel::unchangedSnapshotEmitsNothing() {
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    for (int i = 0; i < 3; ++i) {
        EngineSnapshot snapshot = baseSnapshot();
        snapshot.timestamp += i;
        snapshot.sessions.append(session(QStringLiteral("another")));
        model.setSnapshot(snapshot);
    }
    QCOMPARE(changed.count(), 0);
    QCOMPARE(header.count(), 0);
}

void TestDistributorTableModel::changedRowsAreBatched_data() {
    QTest::addColumn<QStringList>("changedTypes");
    QTest::addColumn<int>("expectedSignals");

    QTest::newRow("one row") << QStringList{Http} << 1;
    QTest::newRow("two rows") << QStringList{Http, Mqtt} << 2;
    QTest::newRow("three rows: whole table") << QStringList{Http, Mqtt, Udp} << 1;
}

void TestDistributorTableModel::changedRowsAreBatched() {
    QFETCH(QStringList, changedTypes);
    QFETCH(int, expectedSignals);

    SessionSnapshot s = session(QStringLiteral("s1"));
    s.distributors = {distributor(Http, true), distributor(Mqtt, true), distributor(Udp, true)};
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(engine({s}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    for (DistributorSnapshot &d : s.distributors) {
        if (changedTypes.contains(d.type))
            d.sent += 10;
    }
    model.setSnapshot(engine({s}));
    QCOMPARE(changed.count(), expectedSignals);
    if (changedTypes.size() * 2 > model.rowCount()) {
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(4, Model::ColumnCount - 1));
    } else {
        for (int i = 0; i < changed.count(); ++i)
            QCOMPARE(model.type(changed.at(i).at(0).toModelIndex().row()), changedTypes.at(i));
    }
}

void TestDistributorTableModel::selectedSessionDisappearing() {
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(baseSnapshot());
    QVERIFY(cell(model, Http, Model::EnabledColumn).data(Model::ConfiguredRole).toBool());

    model.setSnapshot(engine({session(QStringLiteral("s2"))}));
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, 0).data(Model::ConfiguredRole).toBool());
        QVERIFY(!(model.index(row, Model::EnabledColumn).flags() & Qt::ItemIsUserCheckable));
    }
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Session s1 is not running"));
    model.setSession(QString());
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("No session selected"));
}

void TestDistributorTableModel::columnsShowCountersAndProbe() {
    SessionSnapshot s = session(QStringLiteral("s1"));
    DistributorSnapshot ws = distributor(QStringLiteral("websocket"), true);
    ws.target = QStringLiteral("ws://127.0.0.1:8080");
    ws.connectedClients = 2;
    ws.sent = 40;
    ws.sentPerSecond = 12.34;
    ws.queued = 3;
    ws.failed = 1;
    ws.droppedQueueFull = 4;
    ws.droppedNoClients = 5;
    ws.latencyP95Ms = 7.25;
    ws.failoverAlternatives = 1;
    ws.probe.enabled = true;
    ws.probe.received = 38;
    ws.probe.lost = 2;
    ws.probe.latencyP99Ms = 9.5;
    s.distributors = {ws};
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(engine({s}));

    auto text = [&](int column) {
        return cell(model, QStringLiteral("websocket"), column).data().toString();
    };
    const QLocale locale;
    QCOMPARE(text(Model::TargetColumn), QStringLiteral("ws://127.0.0.1:8080 (2 client(s))"));
    QCOMPARE(text(Model::SentPerSecondColumn), locale.toString(12.3, 'f', 1));
    QCOMPARE(text(Model::QueuedColumn), QStringLiteral("3"));
    QCOMPARE(text(Model::DroppedColumn), QStringLiteral("9"));
    QCOMPARE(text(Model::FailedColumn), QStringLiteral("1"));
    QCOMPARE(text(Model::LatencyP95Column), locale.toString(7.3, 'f', 1) + QStringLiteral(" ms"));
    QCOMPARE(text(Model::ProbeReceivedColumn), QStringLiteral("38"));
    QCOMPARE(text(Model::ProbeLostColumn), QStringLiteral("2"));
    QCOMPARE(text(Model::ProbeP99Column), locale.toString(9.5, 'f', 1) + QStringLiteral(" ms"));
    QCOMPARE(cell(model, QStringLiteral("websocket"), Model::ProbeColumn)
                 .data(Qt::CheckStateRole)
                 .value<Qt::CheckState>(),
             Qt::Checked);
    const QString dropped = cell(model, QStringLiteral("websocket"), Model::DroppedColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
    QVERIFY2(dropped.contains(QStringLiteral("Queue full: 4")), qPrintable(dropped));
    QVERIFY2(dropped.contains(QStringLiteral("No clients connected: 5")), qPrintable(dropped));
    QVERIFY(
        cell(model, QStringLiteral("websocket"), 0).data(Model::FailoverAvailableRole).toBool());
}

void TestDistributorTableModel::lastErrorIsTheToolTip() {
    EngineSnapshot snapshot = baseSnapshot();
    snapshot.sessions[0].distributors[0].state = QStringLiteral("error");
    snapshot.sessions[0].distributors[0].lastError = QStringLiteral("Connection refused");
    snapshot.sessions[0].distributors[0].lastErrorAt = 1700000000000;
    Model model;
    model.setSession(QStringLiteral("s1"));
    model.setSnapshot(snapshot);
    for (const int column :
         {int(Model::TypeColumn), int(Model::StateColumn), int(Model::TargetColumn)}) {
        const QString tip = cell(model, Http, column).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Connection refused")), qPrintable(tip));
    }
    QCOMPARE(cell(model, Http, Model::StateColumn).data(Model::StatusRole).toInt(),
             int(LiveStatus::Failed));
}

void TestDistributorTableModel::headerHasTitleAndToolTipForEveryColumn() {
    Model model;
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY2(!model.headerData(column, Qt::Horizontal).toString().isEmpty(),
                 qPrintable(QString::number(column)));
        QVERIFY2(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                 qPrintable(QString::number(column)));
    }
}

QTEST_MAIN(TestDistributorTableModel)
#include "tst_distributortablemodel.moc"
