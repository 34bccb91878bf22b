// `${VAR}` and `${VAR:-default}` expansion.
#include "environment.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestEnvironment : public QObject {
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void referencesAreFound();
    void operatorValuesOverrideProcess();
};

void TestEnvironment::expand_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("absent");
    QTest::addColumn<QStringList>("unset");

    QTest::newRow("plain") << u"http://x"_s << u"http://x"_s << false << QStringList();
    QTest::newRow("set") << u"${HOST}"_s << u"lab-pc"_s << false << QStringList();
    QTest::newRow("embedded") << u"mqtt://${HOST}:1883"_s << u"mqtt://lab-pc:1883"_s << false
                              << QStringList();
    QTest::newRow("default unused") << u"${HOST:-other}"_s << u"lab-pc"_s << false << QStringList();
    QTest::newRow("default used") << u"${MISSING:-other}"_s << u"other"_s << false << QStringList();
    QTest::newRow("empty default") << u"${MISSING:-}"_s << u""_s << false << QStringList();
    QTest::newRow("empty counts as unset")
        << u"${EMPTY:-fallback}"_s << u"fallback"_s << false << QStringList();
    QTest::newRow("pure unset is absent")
        << u"${MISSING}"_s << u""_s << true << QStringList{u"MISSING"_s};
    QTest::newRow("embedded unset")
        << u"a-${MISSING}-b"_s << u"a--b"_s << false << QStringList{u"MISSING"_s};
    QTest::newRow("escaped") << u"$${HOST}"_s << u"${HOST}"_s << false << QStringList();
    QTest::newRow("two") << u"${HOST}/${PORT}"_s << u"lab-pc/1883"_s << false << QStringList();
    QTest::newRow("not a reference") << u"${1BAD}"_s << u"${1BAD}"_s << false << QStringList();
}

void TestEnvironment::expand() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(bool, absent);
    QFETCH(QStringList, unset);
    const Environment environment =
        Environment::fromValues({{QStringLiteral("HOST"), QStringLiteral("lab-pc")},
                                 {QStringLiteral("PORT"), QStringLiteral("1883")},
                                 {QStringLiteral("EMPTY"), QString()}});
    const Environment::Expansion expansion = environment.expand(text);
    QCOMPARE(expansion.text, expected);
    QCOMPARE(expansion.absent, absent);
    QCOMPARE(expansion.unsetNames, unset);
}

void TestEnvironment::referencesAreFound() {
    QVERIFY(Environment::isPureReference(QStringLiteral("${A}")));
    QVERIFY(Environment::isPureReference(QStringLiteral("${A:-x}")));
    QVERIFY(!Environment::isPureReference(QStringLiteral("x${A}")));
    QVERIFY(!Environment::isPureReference(QStringLiteral("$${A}")));
    QVERIFY(Environment::containsReference(QStringLiteral("Bearer ${TOKEN}")));
    QVERIFY(!Environment::containsReference(QStringLiteral("Bearer $${TOKEN}")));
    QCOMPARE(Environment::referencedNames(
                 QJsonObject{{QStringLiteral("a"), QStringLiteral("${X}${Y}")},
                             {QStringLiteral("b"), QJsonArray{QStringLiteral("${X}")}}}),
             (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
}

void TestEnvironment::operatorValuesOverrideProcess() {
    qputenv("LABRELAY_TEST_VARIABLE", "from-process");
    Environment environment;
    QCOMPARE(environment.value(QStringLiteral("LABRELAY_TEST_VARIABLE")),
             QStringLiteral("from-process"));
    environment.set(QStringLiteral("LABRELAY_TEST_VARIABLE"), QStringLiteral("typed-in"));
    QCOMPARE(environment.value(QStringLiteral("LABRELAY_TEST_VARIABLE")),
             QStringLiteral("typed-in"));
    environment.unset(QStringLiteral("LABRELAY_TEST_VARIABLE"));
    QVERIFY(!environment.isSet(QStringLiteral("LABRELAY_TEST_VARIABLE")));

    qputenv("LABRELAY_TEST_OTHER", "1");
    QVERIFY(!environment.isSet(QStringLiteral("LABRELAY_TEST_OTHER")));
    environment.reload();
    QVERIFY(environment.isSet(QStringLiteral("LABRELAY_TEST_OTHER")));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
