#include "livestatus.h"
#include "livetesthelpers.h"
#include "sessionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace LiveTest;

class TestSessionListModel final : public QObject {
    Q_OBJECT

private slots:
    void snapshotSequenceKeepsModelConsistent();
    void rowsFollowSessionsAppearingAndDisappearing();
    void unchangedSnapshotEmitsNothing();
    void changedRowsAreBatched_data();
    void changedRowsAreBatched();
    void changeBelowDisplayPrecisionIsIgnored();
    void stateShownByIconAndText_data();
    void stateShownByIconAndText();
    void statusIconsDifferInShape();
    void headerHasTitleAndToolTipForEveryColumn();
};

namespace {

QStringList rowIds(const SessionListModel &model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.sessionId(row));
    return list;
}

EngineSnapshot sessionsNamed(const QStringList &names) {
    QList<SessionSnapshot> sessions;
    for (const QString &name : names)
        sessions.append(session(name));
    return engine(sessions);
}

} // namespace

void TestSessionListModel::snapshotSequenceKeepsModelConsistent() {
    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    const QList<QStringList> sequence{
        {},
        {QStringLiteral("a")},
        {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
        {QStringLiteral("a"), QStringLiteral("c")},
        {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("d")}, // order change
        {QStringLiteral("b"), QStringLiteral("e")},
        {},
    };
    for (const QStringList &names : sequence) {
        model.setSnapshot(sessionsNamed(names));
        QCOMPARE(rowIds(model), names);
    }
    QCOMPARE(resets.count(), 0);
}

void TestSessionListModel::rowsFollowSessionsAppearingAndDisappearing() {
    SessionListModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setSnapshot(sessionsNamed({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);

    // a and c vanish: two removals, since they are not contiguous; b stays.
    model.setSnapshot(
        sessionsNamed({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    inserted.clear();
    model.setSnapshot(sessionsNamed({QStringLiteral("b")}));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(rowIds(model), QStringList{QStringLiteral("b")});
    QCOMPARE(model.rowOf(QStringLiteral("b")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
}

void TestSessionListModel::unchangedSnapshotEmitsNothing() {
    SessionListModel model;
    model.setSnapshot(sessionsNamed(ids(4)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    for (int i = 0; i < 3; ++i)
        model.setSnapshot(sessionsNamed(ids(4)));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(layout.count(), 0);
}

void TestSessionListModel::changedRowsAreBatched_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<int>>("changedRows");
    QTest::addColumn<int>("expectedSignals");

    QTest::newRow("one of ten") << 10 << QList<int>{4} << 1;
    QTest::newRow("three of ten") << 10 << QList<int>{0, 5, 9} << 3;
    QTest::newRow("half of ten") << 10 << QList<int>{0, 1, 2, 3, 4} << 5;
    QTest::newRow("six of ten: whole table") << 10 << QList<int>{0, 1, 2, 3, 4, 5} << 1;
    QTest::newRow("all of two: whole table") << 2 << QList<int>{0, 1} << 1;
}

void TestSessionListModel::changedRowsAreBatched() {
    QFETCH(int, rows);
    QFETCH(QList<int>, changedRows);
    QFETCH(int, expectedSignals);

    SessionListModel model;
    EngineSnapshot snapshot = sessionsNamed(ids(rows));
    model.setSnapshot(snapshot);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    for (const int row : changedRows)
        snapshot.sessions[row].errors += 1;
    model.setSnapshot(snapshot);

    QCOMPARE(changed.count(), expectedSignals);
    if (expectedSignals == 1 && changedRows.size() > 1) {
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(),
                 model.index(rows - 1, SessionListModel::ColumnCount - 1));
    } else {
        for (int i = 0; i < changed.count(); ++i)
            QCOMPARE(changed.at(i).at(0).toModelIndex().row(), changedRows.at(i));
    }
    for (const int row : changedRows)
        QCOMPARE(model.index(row, SessionListModel::ErrorsColumn).data().toString(),
                 QStringLiteral("1"));
}

void TestSessionListModel::changeBelowDisplayPrecisionIsIgnored() {
    SessionListModel model;
    EngineSnapshot snapshot =
        engine({session(QStringLiteral("a"), QStringLiteral("active"), 100.01)});
    model.setSnapshot(snapshot);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    snapshot.sessions[0].eventsPerSecond = 100.04;
    model.setSnapshot(snapshot);
    QCOMPARE(changed.count(), 0);

    snapshot.sessions[0].eventsPerSecond = 120.5;
    model.setSnapshot(snapshot);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, SessionListModel::EventsPerSecondColumn).data().toString(),
             QLocale().toString(120.5, 'f', 1));
}

void TestSessionListModel::stateShownByIconAndText_data() {
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("status");

    QTest::newRow("active") << QStringLiteral("active") << int(LiveStatus::Healthy);
    QTest::newRow("degraded") << QStringLiteral("degraded") << int(LiveStatus::Warning);
    QTest::newRow("initializing") << QStringLiteral("initializing") << int(LiveStatus::Pending);
    QTest::newRow("closing") << QStringLiteral("closing") << int(LiveStatus::Off);
}

void TestSessionListModel::stateShownByIconAndText() {
    QFETCH(QString, state);
    QFETCH(int, status);

    SessionListModel model;
    model.setSnapshot(engine({session(QStringLiteral("a"), state)}));
    const QModelIndex cell = model.index(0, SessionListModel::StateColumn);
    QCOMPARE(cell.data().toString(), state);
    QCOMPARE(cell.data(SessionListModel::StatusRole).toInt(), status);
    const QIcon icon = cell.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
}

void TestSessionListModel::statusIconsDifferInShape() {
    // Telling states apart must not depend on colour: the alpha masks (shapes) differ pairwise.
    LiveStatusIcons icons;
    QList<QImage> masks;
    for (int s = int(LiveStatus::Healthy); s <= int(LiveStatus::Off); ++s) {
        const QIcon icon = icons.icon(LiveStatus(s));
        QVERIFY(!icon.isNull());
        QCOMPARE(icons.icon(LiveStatus(s)).cacheKey(), icon.cacheKey()); // painted once
        masks.append(icon.pixmap(16).toImage().convertToFormat(QImage::Format_Alpha8));
    }
    for (int a = 0; a < masks.size(); ++a) {
        for (int b = a + 1; b < masks.size(); ++b)
            QVERIFY2(masks.at(a) != masks.at(b),
                     qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
    }
}

void TestSessionListModel::headerHasTitleAndToolTipForEveryColumn() {
    SessionListModel model;
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY2(!model.headerData(column, Qt::Horizontal).toString().isEmpty(),
                 qPrintable(QString::number(column)));
        QVERIFY2(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                 qPrintable(QString::number(column)));
    }
}

QTEST_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
