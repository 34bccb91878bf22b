// translations/labrelay_de.ts on its own: every entry finished and non-empty, with the source's
// placeholders, accelerators and surrounding spaces, and both German plural forms. The checker
// itself is tested on broken entries, so that a pass means something.
#include "tscheck.h"
#include "tsreader.h"

#include <QFile>
#include <QMetaType>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(TsMessage)

namespace {

TsMessage message(const QString &source, const QStringList &translations, bool numerus = false,
                  const QString &type = QString()) {
    TsMessage result;
    result.context = QStringLiteral("Test");
    result.source = source;
    result.translations = translations;
    result.numerus = numerus;
    result.type = type;
    return result;
}

} // namespace

class TestTranslationFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fileIsGermanAndHasPlurals();
    void everyEntryIsTranslated_data();
    void everyEntryIsTranslated();
    void noEntryIsListedTwice();
    void checkerAcceptsGoodEntries_data();
    void checkerAcceptsGoodEntries();
    void checkerReportsBrokenEntries_data();
    void checkerReportsBrokenEntries();
    void readerParsesEntitiesPluralsAndTypes();
    void readerReportsUnreadableFiles();

private:
    TsFile m_ts;
};

void TestTranslationFile::initTestCase() {
    m_ts = TsFile::read(QStringLiteral(LABRELAY_TS_FILE));
    QVERIFY2(m_ts.error.isEmpty(), qPrintable(m_ts.error));
    QVERIFY(m_ts.messages.size() > 100);
}

void TestTranslationFile::fileIsGermanAndHasPlurals() {
    QCOMPARE(m_ts.language, QStringLiteral("de"));
    const auto plurals = std::count_if(m_ts.messages.cbegin(), m_ts.messages.cend(),
                                       [](const TsMessage &m) { return m.numerus; });
    QVERIFY2(plurals > 0, "tr(\"...%n...\", \"\", n) entries are missing from the file");
}

void TestTranslationFile::everyEntryIsTranslated_data() {
    QTest::addColumn<TsMessage>("entry");
    for (const TsMessage &entry : std::as_const(m_ts.messages))
        QTest::newRow(qPrintable(entry.label().left(120))) << entry;
}

void TestTranslationFile::everyEntryIsTranslated() {
    QFETCH(TsMessage, entry);
    const QStringList problems = TsCheck::problems(entry);
    QVERIFY2(problems.isEmpty(), qPrintable(entry.label() + QStringLiteral(": ")
                                            + problems.join(QStringLiteral("; "))));
}

void TestTranslationFile::noEntryIsListedTwice() {
    QSet<QString> seen;
    for (const TsMessage &entry : std::as_const(m_ts.messages)) {
        const QString key = entry.label() + QLatin1Char('\x1f') + entry.comment;
        QVERIFY2(!seen.contains(key), qPrintable(entry.label()));
        seen.insert(key);
    }
}

void TestTranslationFile::checkerAcceptsGoodEntries_data() {
    QTest::addColumn<TsMessage>("entry");
    QTest::newRow("plain") << message(QStringLiteral("Session"), {QStringLiteral("Sitzung")});
    QTest::newRow("placeholders in another order")
        << message(QStringLiteral("Route %1 to %2"), {QStringLiteral("%2 empfängt %1")});
    QTest::newRow("placeholder used twice")
        << message(QStringLiteral("%1 of %1"), {QStringLiteral("%1")});
    QTest::newRow("moved accelerator")
        << message(QStringLiteral("A&pply"), {QStringLiteral("Ü&bernehmen")});
    QTest::newRow("literal ampersand")
        << message(QStringLiteral("Tom && Jerry"), {QStringLiteral("Tom && Jerry")});
    QTest::newRow("fragment with spaces")
        << message(QStringLiteral(" (left out: %1)"), {QStringLiteral(" (ausgelassen: %1)")});
    QTest::newRow("two plural forms")
        << message(QStringLiteral("%n event(s)"),
                   {QStringLiteral("%n Ereignis"), QStringLiteral("%n Ereignisse")}, true);
}

void TestTranslationFile::checkerAcceptsGoodEntries() {
    QFETCH(TsMessage, entry);
    const QStringList problems = TsCheck::problems(entry);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestTranslationFile::checkerReportsBrokenEntries_data() {
    QTest::addColumn<TsMessage>("entry");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unfinished") << message(QStringLiteral("Session"), {QStringLiteral("Sitzung")},
                                           false, QStringLiteral("unfinished"))
                                << QStringLiteral("unfinished");
    QTest::newRow("vanished") << message(QStringLiteral("Session"), {QStringLiteral("Sitzung")},
                                         false, QStringLiteral("vanished"))
                              << QStringLiteral("no longer in the sources");
    QTest::newRow("empty") << message(QStringLiteral("Session"), {QString()})
                           << QStringLiteral("the translation is empty");
    QTest::newRow("blank") << message(QStringLiteral("Session"), {QStringLiteral("  ")})
                           << QStringLiteral("the translation is empty");
    QTest::newRow("no translation element")
        << message(QStringLiteral("Session"), {}) << QStringLiteral("the translation is empty");
    QTest::newRow("lost placeholder")
        << message(QStringLiteral("Route %1 to %2"), {QStringLiteral("%1 routen")})
        << QStringLiteral("placeholders {%1}, the source {%1 %2}");
    QTest::newRow("extra placeholder")
        << message(QStringLiteral("Session %1"), {QStringLiteral("Sitzung %1 (%2)")})
        << QStringLiteral("placeholders {%1 %2}");
    QTest::newRow("renumbered placeholder")
        << message(QStringLiteral("Session %1"), {QStringLiteral("Sitzung %2")})
        << QStringLiteral("placeholders {%2}, the source {%1}");
    QTest::newRow("lost accelerator") << message(QStringLiteral("&File"), {QStringLiteral("Datei")})
                                      << QStringLiteral("marks 0 accelerator(s), the source 1");
    QTest::newRow("two accelerators")
        << message(QStringLiteral("&File"), {QStringLiteral("&Dat&ei")})
        << QStringLiteral("marks 2 accelerator(s), the source 1");
    QTest::newRow("lost leading space")
        << message(QStringLiteral(" (left out: %1)"), {QStringLiteral("(ausgelassen: %1)")})
        << QStringLiteral("leading and trailing spaces");
    QTest::newRow("lost trailing space")
        << message(QStringLiteral(": cannot read: "), {QStringLiteral(": nicht lesbar:")})
        << QStringLiteral("leading and trailing spaces");
    QTest::newRow("one plural form")
        << message(QStringLiteral("%n event(s)"), {QStringLiteral("%n Ereignisse")}, true)
        << QStringLiteral("1 plural form(s), German needs 2");
    QTest::newRow("no plural forms") << message(QStringLiteral("%n event(s)"), {}, true)
                                     << QStringLiteral("0 plural form(s), German needs 2");
    QTest::newRow("empty plural form")
        << message(QStringLiteral("%n event(s)"), {QStringLiteral("%n Ereignis"), QString()}, true)
        << QStringLiteral("plural form 2 is empty");
    QTest::newRow("plural form without %n")
        << message(QStringLiteral("%n event(s)"),
                   {QStringLiteral("ein Ereignis"), QStringLiteral("%n Ereignisse")}, true)
        << QStringLiteral("plural form 1 has placeholders {}, the source {%n}");
}

void TestTranslationFile::checkerReportsBrokenEntries() {
    QFETCH(TsMessage, entry);
    QFETCH(QString, problem);
    const QString problems = TsCheck::problems(entry).join(QStringLiteral("; "));
    QVERIFY2(problems.contains(problem), qPrintable(QStringLiteral("got: ") + problems));
}

void TestTranslationFile::readerParsesEntitiesPluralsAndTypes() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sample_de.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
               "<TS version=\"2.1\" language=\"de\">\n<context>\n<name>Panel</name>\n"
               "<message><source>Tom &amp;&amp; &quot;Jerry&quot;</source>"
               "<comment>names</comment><translation>Tom &amp;&amp; Jerry</translation>"
               "</message>\n"
               "<message numerus=\"yes\"><source>%n row(s)</source><translation>"
               "<numerusform>%n Zeile</numerusform><numerusform>%n Zeilen</numerusform>"
               "</translation></message>\n"
               "<message><source>Gone</source><translation type=\"vanished\">Weg</translation>"
               "</message>\n</context>\n</TS>\n");
    file.close();

    const TsFile ts = TsFile::read(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, QStringLiteral("de"));
    QCOMPARE(ts.messages.size(), 3);
    QCOMPARE(ts.messages.at(0).context, QStringLiteral("Panel"));
    QCOMPARE(ts.messages.at(0).source, QStringLiteral("Tom && \"Jerry\""));
    QCOMPARE(ts.messages.at(0).comment, QStringLiteral("names"));
    QCOMPARE(ts.messages.at(0).translations, QStringList{QStringLiteral("Tom && Jerry")});
    QVERIFY(ts.messages.at(1).numerus);
    QCOMPARE(ts.messages.at(1).translations,
             (QStringList{QStringLiteral("%n Zeile"), QStringLiteral("%n Zeilen")}));
    QCOMPARE(ts.messages.at(2).type, QStringLiteral("vanished"));
}

void TestTranslationFile::readerReportsUnreadableFiles() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TsFile missing = TsFile::read(dir.filePath(QStringLiteral("missing.ts")));
    QVERIFY(missing.error.contains(QStringLiteral("missing.ts")));

    const QString broken = dir.filePath(QStringLiteral("broken.ts"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<TS language=\"de\"><context><name>X</name><message><source>a</source>");
    file.close();
    const TsFile truncated = TsFile::read(broken);
    QVERIFY2(truncated.error.contains(QStringLiteral("broken.ts:")), qPrintable(truncated.error));

    const QString other = dir.filePath(QStringLiteral("other.xml"));
    QFile html(other);
    QVERIFY(html.open(QIODevice::WriteOnly));
    html.write("<html><body/></html>");
    html.close();
    QVERIFY(TsFile::read(other).error.contains(QStringLiteral("not a .ts file")));
}

QTEST_GUILESS_MAIN(TestTranslationFile)
#include "tst_translationfile.moc"
