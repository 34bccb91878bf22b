// JsonUtil: document key order, member text, merging and writing.
#include "jsonutil.h"

#include <QtTest>

class TestJsonUtil : public QObject {
    Q_OBJECT

private slots:
    void memberText_data();
    void memberText();
    void keysInDocumentOrder();
    void lineAndColumn();
};

void TestJsonUtil::memberText_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("object") << QByteArray(
        "{\"session\":\"s\",\"data\":{\"x\":1,\"y\":[1,2]},\"event\":\"e\"}")
                            << QStringLiteral("data") << QByteArray("{\"x\":1,\"y\":[1,2]}");
    QTest::newRow("spaces kept") << QByteArray("{ \"data\" : [1, 2] }") << QStringLiteral("data")
                                 << QByteArray("[1, 2]");
    QTest::newRow("string with braces") << QByteArray("{\"data\":\"}{\\\"\",\"e\":1}")
                                        << QStringLiteral("data") << QByteArray("\"}{\\\"\"");
    QTest::newRow("number") << QByteArray("{\"data\":-1.5e3}") << QStringLiteral("data")
                            << QByteArray("-1.5e3");
    QTest::newRow("last duplicate wins")
        << QByteArray("{\"data\":1,\"data\":2}") << QStringLiteral("data") << QByteArray("2");
    QTest::newRow("missing") << QByteArray("{\"event\":\"e\"}") << QStringLiteral("data")
                             << QByteArray();
    QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("data") << QByteArray();
    QTest::newRow("nested key not top level")
        << QByteArray("{\"outer\":{\"data\":1}}") << QStringLiteral("data") << QByteArray();
}

void TestJsonUtil::memberText() {
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonUtil::memberText(json, key), expected);
}

void TestJsonUtil::keysInDocumentOrder() {
    const QByteArray json("{\"b\":{\"z\":1,\"a\":2},\"a\":1}");
    QCOMPARE(JsonUtil::keysInDocumentOrder(json, {}),
             (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(JsonUtil::keysInDocumentOrder(json, {QStringLiteral("b")}),
             (QStringList{QStringLiteral("z"), QStringLiteral("a")}));
}

void TestJsonUtil::lineAndColumn() {
    const QByteArray text("{\n  \"a\": x\n}");
    QCOMPARE(JsonUtil::lineAndColumn(text, 0), std::make_pair(1, 1));
    QCOMPARE(JsonUtil::lineAndColumn(text, 9), std::make_pair(2, 8));
}

QTEST_GUILESS_MAIN(TestJsonUtil)
#include "tst_jsonutil.moc"
