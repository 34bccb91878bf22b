#include "eventlogfiltermodel.h"
#include "eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Severity = LogEntry::Severity;

class TestEventLogModel final : public QObject {
    Q_OBJECT

private slots:
    void appendsReachViewsBatchedByTimer();
    void ringBufferDropsOldest_data();
    void ringBufferDropsOldest();
    void sessionsSeenAreListed();
    void clearEmptiesEverything();
    void filterBySessionAndSeverity_data();
    void filterBySessionAndSeverity();
    void filterFollowsRingBuffer();
    void columnsAndHeader();
};

namespace {

LogEntry entry(Severity severity, const QString &session, const QString &message) {
    return {QDateTime(QDate(2025, 9, 3), QTime(12, 0, 1, 250)), session, QStringLiteral("mqtt"),
            severity, message};
}

QString messageAt(const QAbstractItemModel &model, int row) {
    return model.index(row, EventLogModel::MessageColumn).data().toString();
}

} // namespace

void TestEventLogModel::appendsReachViewsBatchedByTimer() {
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    for (int i = 0; i < 50; ++i)
        model.append(Severity::Info, QStringLiteral("s1"), {}, QString::number(i));
    QCOMPARE(model.rowCount(), 0); // nothing per entry

    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 50, 2000);
    QCOMPARE(inserted.count(), 1); // one insertion for the burst
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 49);
    QCOMPARE(messageAt(model, 49), QStringLiteral("49"));
}

void TestEventLogModel::ringBufferDropsOldest_data() {
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("bursts"); // entries per flush
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<QString>("expectedFirst");

    QTest::newRow("under capacity") << 10 << QList<int>{3, 4} << 7 << QStringLiteral("0");
    QTest::newRow("exactly full") << 10 << QList<int>{10} << 10 << QStringLiteral("0");
    QTest::newRow("overflow across flushes") << 10 << QList<int>{8, 8} << 10 << QStringLiteral("6");
    QTest::newRow("burst larger than buffer")
        << 10 << QList<int>{3, 25} << 10 << QStringLiteral("18");
    QTest::newRow("default capacity") << int(EventLogModel::DefaultCapacity)
                                      << QList<int>{4000, 2000} << 5000 << QStringLiteral("1000");
}

void TestEventLogModel::ringBufferDropsOldest() {
    QFETCH(int, capacity);
    QFETCH(QList<int>, bursts);
    QFETCH(int, expectedRows);
    QFETCH(QString, expectedFirst);

    EventLogModel model(capacity);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int next = 0;
    for (const int burst : bursts) {
        for (int i = 0; i < burst; ++i)
            model.append(entry(Severity::Info, QStringLiteral("s1"), QString::number(next++)));
        model.flush();
        QVERIFY(model.rowCount() <= capacity);
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(messageAt(model, 0), expectedFirst);
    QCOMPARE(messageAt(model, model.rowCount() - 1), QString::number(next - 1));
}

void TestEventLogModel::sessionsSeenAreListed() {
    EventLogModel model;
    QSignalSpy added(&model, &EventLogModel::sessionAdded);
    model.append(entry(Severity::Info, QStringLiteral("b"), QStringLiteral("x")));
    model.append(entry(Severity::Info, QString(), QStringLiteral("engine")));
    model.append(entry(Severity::Error, QStringLiteral("a"), QStringLiteral("y")));
    model.append(entry(Severity::Error, QStringLiteral("b"), QStringLiteral("z")));
    model.flush();
    QCOMPARE(model.sessions(), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(added.count(), 2);
}

void TestEventLogModel::clearEmptiesEverything() {
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entry(Severity::Info, QStringLiteral("s1"), QStringLiteral("a")));
    model.flush();
    model.append(entry(Severity::Info, QStringLiteral("s1"), QStringLiteral("pending")));
    QSignalSpy cleared(&model, &EventLogModel::cleared);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.sessions(), QStringList());
    QCOMPARE(cleared.count(), 1);
    model.flush(); // the pending entry went with the rest
    QCOMPARE(model.rowCount(), 0);
}

void TestEventLogModel::filterBySessionAndSeverity_data() {
    QTest::addColumn<QString>("session");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QStringList>("expected");

    const auto list = [](std::initializer_list<const char *> items) {
        QStringList result;
        for (const char *item : items)
            result.append(QString::fromLatin1(item));
        return result;
    };
    QTest::newRow("everything") << QString() << int(Severity::Info)
                                << list({"a-info", "b-warn", "engine-info", "a-error", "b-error"});
    QTest::newRow("session a") << QStringLiteral("a") << int(Severity::Info)
                               << list({"a-info", "a-error"});
    QTest::newRow("warnings and up")
        << QString() << int(Severity::Warning) << list({"b-warn", "a-error", "b-error"});
    QTest::newRow("errors of b") << QStringLiteral("b") << int(Severity::Error)
                                 << list({"b-error"});
    QTest::newRow("unknown session")
        << QStringLiteral("zzz") << int(Severity::Info) << QStringList();
}

void TestEventLogModel::filterBySessionAndSeverity() {
    QFETCH(QString, session);
    QFETCH(int, minimum);
    QFETCH(QStringList, expected);

    EventLogModel model;
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entry(Severity::Info, QStringLiteral("a"), QStringLiteral("a-info")));
    model.append(entry(Severity::Warning, QStringLiteral("b"), QStringLiteral("b-warn")));
    model.append(entry(Severity::Info, QString(), QStringLiteral("engine-info")));
    model.append(entry(Severity::Error, QStringLiteral("a"), QStringLiteral("a-error")));
    model.append(entry(Severity::Error, QStringLiteral("b"), QStringLiteral("b-error")));
    model.flush();

    filter.setSessionFilter(session);
    filter.setMinimumSeverity(Severity(minimum));
    QStringList shown;
    for (int row = 0; row < filter.rowCount(); ++row)
        shown.append(messageAt(filter, row));
    QCOMPARE(shown, expected);
}

void TestEventLogModel::filterFollowsRingBuffer() {
    EventLogModel model(4);
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setMinimumSeverity(Severity::Error);
    for (int i = 0; i < 10; ++i) {
        model.append(entry(i % 2 ? Severity::Error : Severity::Info, QStringLiteral("s"),
                           QString::number(i)));
        model.flush();
    }
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(messageAt(filter, 0), QStringLiteral("7"));
    QCOMPARE(messageAt(filter, 1), QStringLiteral("9"));
}

void TestEventLogModel::columnsAndHeader() {
    EventLogModel model;
    model.append(entry(Severity::Warning, QStringLiteral("s1"), QStringLiteral("broker gone")));
    model.flush();
    QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(),
             QStringLiteral("12:00:01.250"));
    QCOMPARE(model.index(0, EventLogModel::SeverityColumn).data().toString(),
             QStringLiteral("Warning"));
    QVERIFY(!model.index(0, EventLogModel::SeverityColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QCOMPARE(model.index(0, EventLogModel::SessionColumn).data().toString(), QStringLiteral("s1"));
    QCOMPARE(model.index(0, EventLogModel::DistributorColumn).data().toString(),
             QStringLiteral("MQTT"));
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
