// The .ts is in step with the sources: lupdate, run over exactly the sources the build scans
// (translations/CMakeLists.txt writes them to a list file), is merged into a copy of
// translations/labrelay_de.ts. A string in the sources that the file lacks comes back
// "unfinished"; an entry whose string left the sources comes back "vanished". Both fail the test.
// The fix in either case: build the target update_translations and translate what is new.
#include "tsreader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct SyncReport {
    QStringList missing; // in the sources, not (or not finished) in the .ts
    QStringList stale;   // in the .ts, no longer in the sources
    QString error;
};

QByteArray committedTs() {
    QFile file(QStringLiteral(LABRELAY_TS_FILE));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Merges the sources into `ts` (a .ts text) the way update_translations does, but keeping the
// entries that vanished so that they can be reported.
SyncReport sync(const QByteArray &ts, const QTemporaryDir &dir) {
    SyncReport report;
    const QString path = dir.filePath(QStringLiteral("labrelay_de.ts"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(ts) != ts.size()) {
        report.error = path + QStringLiteral(": ") + file.errorString();
        return report;
    }
    file.close();

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LABRELAY_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   QLatin1Char('@') + QStringLiteral(LABRELAY_LUPDATE_SOURCES),
                   QStringLiteral("-ts"), path});
    if (!lupdate.waitForFinished(60000) || lupdate.exitStatus() != QProcess::NormalExit
        || lupdate.exitCode() != 0) {
        report.error = QStringLiteral("lupdate failed: ") + lupdate.errorString()
                       + QLatin1Char('\n') + QString::fromLocal8Bit(lupdate.readAll());
        return report;
    }
    const TsFile merged = TsFile::read(path);
    if (!merged.error.isEmpty()) {
        report.error = merged.error;
        return report;
    }
    for (const TsMessage &message : merged.messages) {
        if (message.type == QLatin1String("unfinished"))
            report.missing.append(message.label());
        else if (message.type == QLatin1String("vanished")
                 || message.type == QLatin1String("obsolete"))
            report.stale.append(message.label());
    }
    return report;
}

} // namespace

class TestTranslationSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sourcesAndTranslationFileAgree();
    void aStringMissingFromTheFileIsFound();
    void anEntryNoLongerInTheSourcesIsFound();

private:
    QByteArray m_ts;
};

void TestTranslationSync::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(LABRELAY_LUPDATE)), LABRELAY_LUPDATE);
    QVERIFY2(QFile::exists(QStringLiteral(LABRELAY_LUPDATE_SOURCES)), LABRELAY_LUPDATE_SOURCES);
    m_ts = committedTs();
    QVERIFY2(!m_ts.isEmpty(), LABRELAY_TS_FILE);
}

void TestTranslationSync::sourcesAndTranslationFileAgree() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SyncReport report = sync(m_ts, dir);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QVERIFY2(report.missing.isEmpty(),
             qPrintable(QStringLiteral("not translated (build update_translations): ")
                        + report.missing.join(QStringLiteral(" | "))));
    QVERIFY2(report.stale.isEmpty(),
             qPrintable(QStringLiteral("no longer in the sources (build update_translations): ")
                        + report.stale.join(QStringLiteral(" | "))));
}

void TestTranslationSync::aStringMissingFromTheFileIsFound() {
    // Drop the first entry from a copy: lupdate brings it back, unfinished.
    QByteArray ts = m_ts;
    const qsizetype begin = ts.indexOf("<message>");
    const qsizetype end = ts.indexOf("</message>", begin);
    QVERIFY(begin >= 0 && end > begin);
    const QByteArray entry = ts.mid(begin, end + qstrlen("</message>") - begin);
    const qsizetype sourceBegin = entry.indexOf("<source>") + qstrlen("<source>");
    const QString source =
        QString::fromUtf8(entry.mid(sourceBegin, entry.indexOf("</source>") - sourceBegin));
    ts.remove(begin, entry.size());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SyncReport report = sync(ts, dir);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.missing.size(), 1);
    QVERIFY2(report.missing.first().endsWith(QStringLiteral(": ") + source),
             qPrintable(report.missing.first()));
    QVERIFY(report.stale.isEmpty());
}

void TestTranslationSync::anEntryNoLongerInTheSourcesIsFound() {
    QByteArray ts = m_ts;
    const qsizetype end = ts.lastIndexOf("</TS>");
    QVERIFY(end > 0);
    ts.insert(end, "<context>\n    <name>Retired</name>\n    <message>\n"
                   "        <source>A string no source holds</source>\n"
                   "        <translation>Eine Zeichenkette, die keine Quelle hat</translation>\n"
                   "    </message>\n</context>\n");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SyncReport report = sync(ts, dir);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QVERIFY(report.missing.isEmpty());
    QCOMPARE(report.stale, QStringList{QStringLiteral("Retired: A string no source holds")});
}

QTEST_GUILESS_MAIN(TestTranslationSync)
#include "tst_translationsync.moc"
