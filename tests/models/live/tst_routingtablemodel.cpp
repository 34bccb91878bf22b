#include "routingtablemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using Model = RoutingTableModel;

class TestRoutingTableModel final : public QObject {
    Q_OBJECT

private slots:
    void wildcardRowIsAlwaysFirst();
    void setRoutingResetsAndClearsUndo();
    void editsUndoAndRedoExactly_data();
    void editsUndoAndRedoExactly();
    void repeatedTogglesOfOneCellMerge();
    void setDataPushesCommands();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void wildcardRowCannotBeRenamedOrRemoved();
    void inactiveAndUnconfiguredCells_data();
    void inactiveAndUnconfiguredCells();
    void distributorStatesReportOnlyChangedColumns();
    void givenUndoStackIsUsed();
    void headerHasTitleAndToolTipForEveryColumn();
};

namespace {

// "gaze:http,mqtt;*:udp" → {gaze: [http, mqtt], *: [udp]}; "raw:!" gives a non-list row.
EventRouting parse(const QString &text) {
    EventRouting routing;
    for (const QString &row : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString event = row.section(QLatin1Char(':'), 0, 0);
        const QString targets = row.section(QLatin1Char(':'), 1);
        if (targets == QLatin1String("!"))
            routing.setRaw(event, QStringLiteral("not-a-list"));
        else
            routing.set(event, targets.split(QLatin1Char(','), Qt::SkipEmptyParts));
    }
    return routing;
}

UnroutedPolicy policyNamed(const QString &name) {
    return name == QLatin1String("drop") ? UnroutedPolicy::Drop : UnroutedPolicy::Broadcast;
}

// One edit, e.g. "on:gaze:http", "off:*:udp", "add:blink", "remove:gaze", "rename:a:b",
// "policy:drop".
bool apply(Model &model, const QString &edit) {
    const QStringList parts = edit.split(QLatin1Char(':'));
    const QString &verb = parts.at(0);
    if (verb == QLatin1String("on") || verb == QLatin1String("off"))
        return model.setRouted(parts.at(1), parts.at(2), verb == QLatin1String("on"));
    if (verb == QLatin1String("add"))
        return model.addEvent(parts.at(1));
    if (verb == QLatin1String("remove"))
        return model.removeEvent(parts.at(1));
    if (verb == QLatin1String("rename"))
        return model.renameEvent(parts.at(1), parts.at(2));
    if (verb == QLatin1String("policy")) {
        model.setUnroutedPolicy(policyNamed(parts.at(1)));
        return true;
    }
    return false;
}

QStringList list(std::initializer_list<const char *> items) {
    QStringList result;
    for (const char *item : items)
        result.append(QString::fromLatin1(item));
    return result;
}

QString describe(const EventRouting &routing) {
    QStringList rows;
    for (const EventRouting::Route &route : routing.routes())
        rows.append(
            route.event + QLatin1Char(':')
            + (route.isList() ? route.types().join(QLatin1Char(',')) : QStringLiteral("!")));
    return rows.join(QLatin1Char(';'));
}

} // namespace

void TestRoutingTableModel::wildcardRowIsAlwaysFirst() {
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.eventAt(0), QStringLiteral("*"));

    model.setRouting(parse(QStringLiteral("gaze:http;*:udp;blink:mqtt")), UnroutedPolicy::Drop);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.eventAt(0), QStringLiteral("*"));
    QCOMPARE(model.eventAt(1), QStringLiteral("gaze"));
    QCOMPARE(model.eventAt(2), QStringLiteral("blink"));
    QCOMPARE(model.index(0, Model::UdpColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QCOMPARE(model.index(2, Model::MqttColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QCOMPARE(model.index(2, Model::HttpColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Unchecked);
    QVERIFY(!(model.index(0, Model::EventColumn).flags() & Qt::ItemIsEditable));
    QVERIFY(model.index(1, Model::EventColumn).flags() & Qt::ItemIsEditable);
}

void TestRoutingTableModel::setRoutingResetsAndClearsUndo() {
    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http")), UnroutedPolicy::Broadcast);
    QVERIFY(model.addEvent(QStringLiteral("blink")));
    QCOMPARE(model.undoStack()->count(), 1);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy policy(&model, &Model::unroutedPolicyChanged);
    model.setRouting(parse(QStringLiteral("pupil:sse")), UnroutedPolicy::Drop);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(policy.count(), 1);
    QCOMPARE(model.undoStack()->count(), 0);
    QCOMPARE(describe(model.routing()), QStringLiteral("pupil:sse"));
    QCOMPARE(model.unroutedPolicy(), UnroutedPolicy::Drop);
}

void TestRoutingTableModel::editsUndoAndRedoExactly_data() {
    QTest::addColumn<QString>("initial");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("expectedPolicy");

    QTest::newRow("route a cell") << QStringLiteral("gaze:http") << list({"on:gaze:mqtt"})
                                  << QStringLiteral("gaze:http,mqtt")
                                  << QStringLiteral("broadcast");
    QTest::newRow("unroute a cell") << QStringLiteral("gaze:http,mqtt") << list({"off:gaze:http"})
                                    << QStringLiteral("gaze:mqtt") << QStringLiteral("broadcast");
    QTest::newRow("wildcard from nothing")
        << QStringLiteral("gaze:http") << list({"on:*:udp"}) << QStringLiteral("gaze:http;*:udp")
        << QStringLiteral("broadcast");
    QTest::newRow("add event") << QStringLiteral("gaze:http") << list({"add:blink", "on:blink:sse"})
                               << QStringLiteral("gaze:http;blink:sse")
                               << QStringLiteral("broadcast");
    QTest::newRow("remove from the middle")
        << QStringLiteral("a:http;*:udp;b:mqtt;c:sse") << list({"remove:b"})
        << QStringLiteral("a:http;*:udp;c:sse") << QStringLiteral("broadcast");
    QTest::newRow("rename keeps position")
        << QStringLiteral("a:http;b:mqtt;c:sse") << list({"rename:b:bee"})
        << QStringLiteral("a:http;bee:mqtt;c:sse") << QStringLiteral("broadcast");
    QTest::newRow("policy") << QStringLiteral("a:http") << list({"policy:drop"})
                            << QStringLiteral("a:http") << QStringLiteral("drop");
    QTest::newRow("unknown entries kept")
        << QStringLiteral("a:http,kafka,mqtt_s1") << list({"on:a:udp", "off:a:http"})
        << QStringLiteral("a:kafka,mqtt_s1,udp") << QStringLiteral("broadcast");
    QTest::newRow("non-list row becomes a list")
        << QStringLiteral("a:!") << list({"on:a:udp"}) << QStringLiteral("a:udp")
        << QStringLiteral("broadcast");
    QTest::newRow("mixed") << QStringLiteral("gaze:http;*:websocket;pupil:mqtt")
                           << list({"add:blink", "on:blink:udp", "rename:gaze:g", "remove:pupil",
                                    "off:*:websocket", "policy:drop", "on:g:sse", "remove:blink"})
                           << QStringLiteral("g:http,sse;*:") << QStringLiteral("drop");
}

void TestRoutingTableModel::editsUndoAndRedoExactly() {
    QFETCH(QString, initial);
    QFETCH(QStringList, edits);
    QFETCH(QString, expected);
    QFETCH(QString, expectedPolicy);

    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const EventRouting start = parse(initial);
    model.setRouting(start, UnroutedPolicy::Broadcast);

    for (const QString &edit : std::as_const(edits))
        QVERIFY2(apply(model, edit), qPrintable(edit));
    const EventRouting edited = model.routing();
    QCOMPARE(describe(edited), expected);
    QCOMPARE(model.unroutedPolicy(), policyNamed(expectedPolicy));

    while (model.undoStack()->canUndo())
        model.undoStack()->undo();
    QCOMPARE(model.routing(), start); // raw targets and order, exactly
    QCOMPARE(model.unroutedPolicy(), UnroutedPolicy::Broadcast);
    QCOMPARE(model.rowCount(),
             int(start.size() - (start.contains(QStringLiteral("*")) ? 1 : 0)) + 1);

    while (model.undoStack()->canRedo())
        model.undoStack()->redo();
    QCOMPARE(model.routing(), edited);
    QCOMPARE(model.unroutedPolicy(), policyNamed(expectedPolicy));

    // What the views show matches the table.
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString event = model.eventAt(row);
        QCOMPARE(model.index(row, 0).data().toString(), event);
        for (int column = Model::HttpColumn; column < Model::ColumnCount; ++column) {
            const bool routed = edited.typesFor(event).contains(Model::typeForColumn(column));
            QCOMPARE(model.index(row, column).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                     routed ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void TestRoutingTableModel::repeatedTogglesOfOneCellMerge() {
    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http")), UnroutedPolicy::Broadcast);
    QUndoStack *stack = model.undoStack();

    QVERIFY(model.setRouted(QStringLiteral("gaze"), QStringLiteral("mqtt"), true));
    QVERIFY(model.setRouted(QStringLiteral("gaze"), QStringLiteral("mqtt"), false));
    QCOMPARE(stack->count(), 0); // back where it started: nothing to undo
    QCOMPARE(describe(model.routing()), QStringLiteral("gaze:http"));

    QVERIFY(model.setRouted(QStringLiteral("gaze"), QStringLiteral("mqtt"), true));
    QVERIFY(model.setRouted(QStringLiteral("gaze"), QStringLiteral("udp"), true));
    QCOMPARE(stack->count(), 2); // different cells do not merge

    model.setUnroutedPolicy(UnroutedPolicy::Drop);
    model.setUnroutedPolicy(UnroutedPolicy::Broadcast);
    QCOMPARE(stack->count(), 2);

    // Setting a cell to what it already is pushes nothing.
    QVERIFY(model.setRouted(QStringLiteral("gaze"), QStringLiteral("http"), true));
    QCOMPARE(stack->count(), 2);
}

void TestRoutingTableModel::setDataPushesCommands() {
    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http")), UnroutedPolicy::Broadcast);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QModelIndex mqtt = model.index(1, Model::MqttColumn);
    QVERIFY(model.setData(mqtt, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.undoStack()->count(), 1);
    QCOMPARE(mqtt.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), mqtt); // only the cell that changed
    QCOMPARE(changed.at(0).at(1).toModelIndex(), mqtt);

    QVERIFY(model.setData(model.index(1, Model::EventColumn), QStringLiteral("  gaze2 ")));
    QCOMPARE(model.undoStack()->count(), 2);
    QCOMPARE(model.eventAt(1), QStringLiteral("gaze2"));

    model.undoStack()->undo();
    model.undoStack()->undo();
    QCOMPARE(describe(model.routing()), QStringLiteral("gaze:http"));
}

void TestRoutingTableModel::badNamesAreRefused_data() {
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("rename to existing") << QStringLiteral("rename:gaze:blink")
                                        << QStringLiteral("\"blink\": another row already has");
    QTest::newRow("rename to empty")
        << QStringLiteral("rename:gaze:") << QStringLiteral("Event name: must not be empty");
    QTest::newRow("rename to spaces")
        << QStringLiteral("rename:gaze:   ") << QStringLiteral("Event name: must not be empty");
    QTest::newRow("rename to wildcard")
        << QStringLiteral("rename:gaze:*") << QStringLiteral("reserved for the wildcard row");
    QTest::newRow("rename missing")
        << QStringLiteral("rename:nope:x") << QStringLiteral("\"nope\": no such row");
    QTest::newRow("add existing") << QStringLiteral("add:gaze")
                                  << QStringLiteral("\"gaze\": another row already has");
    QTest::newRow("add empty") << QStringLiteral("add:") << QStringLiteral("must not be empty");
    QTest::newRow("remove missing")
        << QStringLiteral("remove:nope") << QStringLiteral("\"nope\": no such row");
    QTest::newRow("route unknown type")
        << QStringLiteral("on:gaze:kafka") << QStringLiteral("\"kafka\": not one of http");
    QTest::newRow("route missing event")
        << QStringLiteral("on:nope:http") << QStringLiteral("\"nope\": no such row");
}

void TestRoutingTableModel::badNamesAreRefused() {
    QFETCH(QString, edit);
    QFETCH(QString, messagePart);

    Model model;
    const EventRouting start = parse(QStringLiteral("gaze:http;blink:mqtt"));
    model.setRouting(start, UnroutedPolicy::Broadcast);
    QSignalSpy refused(&model, &Model::editRefused);

    QVERIFY(!apply(model, edit));
    QCOMPARE(refused.count(), 1);
    const QString message = refused.at(0).at(0).toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QCOMPARE(model.routing(), start);
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestRoutingTableModel::wildcardRowCannotBeRenamedOrRemoved() {
    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http;blink:mqtt")), UnroutedPolicy::Broadcast);
    QSignalSpy refused(&model, &Model::editRefused);

    QVERIFY(!model.renameEvent(QStringLiteral("*"), QStringLiteral("all")));
    QVERIFY(!model.removeEvent(QStringLiteral("*")));
    // Through the view's path too: a rename to an existing name via setData.
    QVERIFY(!model.setData(model.index(1, Model::EventColumn), QStringLiteral("blink")));
    QCOMPARE(refused.count(), 3);
    QCOMPARE(model.eventAt(1), QStringLiteral("gaze"));
    QCOMPARE(model.undoStack()->count(), 0);
}

void TestRoutingTableModel::inactiveAndUnconfiguredCells_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("displayWhenRouted");
    QTest::addColumn<QString>("toolTipPart");

    QTest::newRow("active http") << int(Model::HttpColumn) << int(Model::CellState::Active)
                                 << QString() << QStringLiteral("are sent to HTTP");
    QTest::newRow("disabled mqtt")
        << int(Model::MqttColumn) << int(Model::CellState::Inactive) << QStringLiteral("disabled")
        << QStringLiteral("configured but disabled distributor");
    QTest::newRow("unconfigured sse")
        << int(Model::SseColumn) << int(Model::CellState::NotConfigured)
        << QStringLiteral("not configured") << QStringLiteral("has not configured");
}

void TestRoutingTableModel::inactiveAndUnconfiguredCells() {
    QFETCH(int, column);
    QFETCH(int, state);
    QFETCH(QString, displayWhenRouted);
    QFETCH(QString, toolTipPart);

    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http,mqtt,sse")), UnroutedPolicy::Broadcast);
    model.setDistributorStates({QStringLiteral("http"), QStringLiteral("mqtt")},
                               {QStringLiteral("http")});

    const QModelIndex routed = model.index(1, column);
    const QModelIndex unrouted = model.index(0, column);
    QCOMPARE(routed.data(Model::CellStateRole).toInt(), state);
    QCOMPARE(routed.data().toString(), displayWhenRouted);
    QCOMPARE(unrouted.data().toString(), QString()); // words only where events would go
    const QString tip = routed.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(toolTipPart), qPrintable(tip));

    const bool active = state == int(Model::CellState::Active);
    QCOMPARE(routed.data(Qt::ForegroundRole).isValid(), !active);
    QCOMPARE(routed.data(Qt::FontRole).isValid(), !active);
    if (!active)
        QVERIFY(routed.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(routed.flags() & Qt::ItemIsUserCheckable); // still editable: enabling comes later
}

void TestRoutingTableModel::distributorStatesReportOnlyChangedColumns() {
    Model model;
    model.setRouting(parse(QStringLiteral("gaze:http;blink:mqtt")), UnroutedPolicy::Broadcast);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);

    const QStringList all{QStringLiteral("http"), QStringLiteral("websocket"),
                          QStringLiteral("mqtt"), QStringLiteral("udp"), QStringLiteral("sse")};
    model.setDistributorStates(all, all); // same as the default: nothing to report
    QCOMPARE(changed.count(), 0);

    QStringList active = all;
    active.removeOne(QStringLiteral("mqtt"));
    model.setDistributorStates(all, active);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, Model::MqttColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(2, Model::MqttColumn));
    QCOMPARE(header.count(), 1);
    QVERIFY(model.headerData(Model::MqttColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("disabled")));
}

void TestRoutingTableModel::givenUndoStackIsUsed() {
    QUndoStack stack;
    {
        Model model(&stack);
        QCOMPARE(model.undoStack(), &stack);
        QVERIFY(model.addEvent(QStringLiteral("gaze")));
        QCOMPARE(stack.count(), 1);
    }
    // The model is gone; its commands must not touch it.
    stack.undo();
    stack.redo();
    QCOMPARE(stack.count(), 1);
}

void TestRoutingTableModel::headerHasTitleAndToolTipForEveryColumn() {
    Model model;
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY2(!model.headerData(column, Qt::Horizontal).toString().isEmpty(),
                 qPrintable(QString::number(column)));
        QVERIFY2(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                 qPrintable(QString::number(column)));
    }
}

QTEST_MAIN(TestRoutingTableModel)
#include "tst_routingtablemodel.moc"
