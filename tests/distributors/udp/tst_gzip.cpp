// The gzip helper: real RFC 1952 output that zlib (and gunzip) reads back, from a reused stream.
#include "gzip.h"

#include <QRandomGenerator>
#include <QtTest>

class TestGzip : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void reusedStreamGivesIdenticalOutput();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void decompressHonoursLimit();

private:
    Gzip m_gzip; // one stream for every row, as the distributor uses it
};

namespace {

QByteArray randomBytes(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

} // namespace

void TestGzip::roundTrip_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArrayLiteral("x");
    QTest::newRow("envelope") << QByteArrayLiteral(
        "{\"event\":\"neon_gaze_data\",\"sessionId\":\"study-001\",\"seq\":1,"
        "\"timestamp\":1725880800000,\"data\":{\"x\":0.523,\"y\":0.412},"
        "\"metadata\":{\"source\":\"labrelay\",\"distributor\":\"udp\"}}");
    QTest::newRow("4 MiB repetitive") << QByteArray(4 * 1024 * 1024, 'a');
    QTest::newRow("1 MiB random") << randomBytes(1024 * 1024);
}

void TestGzip::roundTrip() {
    QFETCH(QByteArray, input);
    QVERIFY(m_gzip.isValid());
    QByteArray gzipped;
    QVERIFY(m_gzip.compress(input.constData(), input.size(), gzipped));
    // RFC 1952: magic 1F 8B, method 8 (deflate); ISIZE (input size mod 2^32) closes the member.
    QVERIFY(gzipped.size() >= 18);
    QCOMPARE(quint8(gzipped.at(0)), quint8(0x1f));
    QCOMPARE(quint8(gzipped.at(1)), quint8(0x8b));
    QCOMPARE(quint8(gzipped.at(2)), quint8(8));
    const uchar *trailer =
        reinterpret_cast<const uchar *>(gzipped.constData() + gzipped.size() - 4);
    const quint32 isize =
        trailer[0] | trailer[1] << 8 | trailer[2] << 16 | quint32(trailer[3]) << 24;
    QCOMPARE(isize, quint32(input.size()));

    const QByteArray restored = Gzip::decompress(gzipped);
    QVERIFY(!restored.isNull());
    QCOMPARE(restored.size(), input.size());
    QVERIFY(restored == input);
}

void TestGzip::reusedStreamGivesIdenticalOutput() {
    const QByteArray input = QByteArrayLiteral("{\"seq\":1,\"data\":[1,2,3,1,2,3,1,2,3]}");
    QByteArray first;
    QByteArray second;
    QVERIFY(m_gzip.compress(input.constData(), input.size(), first));
    QByteArray other(5000, 'z');
    QVERIFY(m_gzip.compress(other.constData(), other.size(), second));
    QVERIFY(m_gzip.compress(input.constData(), input.size(), second));
    // deflateReset() leaves nothing of the previous datagram in the next one.
    QCOMPARE(second, first);
    QVERIFY(first.size() < 2 * input.size());
}

void TestGzip::rejectsInvalidInput_data() {
    QTest::addColumn<QByteArray>("input");
    QByteArray valid;
    Gzip gzip;
    const QByteArray text(1000, 'q');
    QVERIFY(gzip.compress(text.constData(), text.size(), valid));

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain JSON") << QByteArrayLiteral("{\"event\":\"x\",\"data\":{}}");
    QTest::newRow("zlib format") << qCompress(text).mid(4); // qCompress is zlib, not gzip
    QTest::newRow("truncated") << valid.left(valid.size() - 6);
    QByteArray corrupt = valid;
    corrupt[corrupt.size() - 8] = char(corrupt.at(corrupt.size() - 8) ^ 0x55); // CRC32 mismatch
    QTest::newRow("bad checksum") << corrupt;
}

void TestGzip::rejectsInvalidInput() {
    QFETCH(QByteArray, input);
    QVERIFY(Gzip::decompress(input).isNull());
}

void TestGzip::decompressHonoursLimit() {
    const QByteArray input(100000, 'b');
    QByteArray gzipped;
    QVERIFY(m_gzip.compress(input.constData(), input.size(), gzipped));
    QVERIFY(Gzip::decompress(gzipped, 1000).isNull());
    QCOMPARE(Gzip::decompress(gzipped, input.size()).size(), input.size());
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
