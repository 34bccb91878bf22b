// The wire shapes of SPEC §5: the LabRelay envelope and the original's legacy shapes.
#include "envelope.h"
#include "jsonwriter.h"

#include <QJsonDocument>
#include <QtTest>

#include <cmath>

class TestEnvelope : public QObject {
    Q_OBJECT

private slots:
    void envelopeCarriesSessionSeqAndEntryTime();
    void metadataOptionsAreMerged();
    void legacyShapes();
    void rawMqttPayload();
    void escapesStrings();
    void envelopeFromJsonTextKeepsTheText();
    void writerMatchesQtJson_data();
    void writerMatchesQtJson();
};

namespace {

QJsonObject parse(const QByteArray &bytes) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << bytes << error.errorString();
    return document.object();
}

const QJsonObject gaze{{QStringLiteral("x"), 0.523}, {QStringLiteral("y"), 0.412}};

} // namespace

void TestEnvelope::envelopeCarriesSessionSeqAndEntryTime() {
    const EnvelopePtr envelope = makeEnvelope(
        QStringLiteral("neon_gaze_data"), QStringLiteral("study-001"), 48213, 1725880800000, gaze);
    const EnvelopeEncoder udp(QStringLiteral("udp"), PayloadFormat::Envelope);
    const QJsonObject frame = parse(udp.encode(*envelope));
    QCOMPARE(frame.value(QStringLiteral("event")).toString(), QStringLiteral("neon_gaze_data"));
    QCOMPARE(frame.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-001"));
    QCOMPARE(frame.value(QStringLiteral("seq")).toInteger(), 48213);
    QCOMPARE(frame.value(QStringLiteral("timestamp")).toInteger(), 1725880800000);
    QCOMPARE(frame.value(QStringLiteral("data")).toObject(), gaze);
    const QJsonObject metadata{{QStringLiteral("source"), QStringLiteral("labrelay")},
                               {QStringLiteral("distributor"), QStringLiteral("udp")}};
    QCOMPARE(frame.value(QStringLiteral("metadata")).toObject(), metadata);

    // The same envelope on another channel differs only in the distributor name.
    const QJsonObject other =
        parse(EnvelopeEncoder(QStringLiteral("http"), PayloadFormat::Envelope).encode(*envelope));
    QCOMPARE(other.value(QStringLiteral("seq")), frame.value(QStringLiteral("seq")));
    QCOMPARE(other.value(QStringLiteral("timestamp")), frame.value(QStringLiteral("timestamp")));
}

void TestEnvelope::metadataOptionsAreMerged() {
    const EnvelopePtr envelope = makeEnvelope(QStringLiteral("e"), QStringLiteral("s"), 1, 5, 42);
    const EnvelopeEncoder mqtt(QStringLiteral("mqtt"), PayloadFormat::Envelope,
                               QStringLiteral("c-1"));
    const QJsonObject frame =
        parse(mqtt.encode(*envelope, {{QStringLiteral("trial"), 3},
                                      {QStringLiteral("source"), QStringLiteral("ignored")}}));
    const QJsonObject metadata = frame.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("labrelay"));
    QCOMPARE(metadata.value(QStringLiteral("clientId")).toString(), QStringLiteral("c-1"));
    QCOMPARE(metadata.value(QStringLiteral("trial")).toInt(), 3);
    QCOMPARE(frame.value(QStringLiteral("data")).toInt(), 42);
}

void TestEnvelope::legacyShapes() {
    const EnvelopePtr envelope =
        makeEnvelope(QStringLiteral("neon_gaze_data"), QStringLiteral("s"), 7, 1000, gaze);
    const EnvelopeEncoder http(QStringLiteral("http"), PayloadFormat::Legacy);
    const QJsonObject body = parse(http.encode(*envelope));
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("data"), QStringLiteral("event"),
                                       QStringLiteral("metadata"), QStringLiteral("timestamp")}));
    QCOMPARE(body.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("source"))
                 .toString(),
             QStringLiteral("synopticon-api"));

    const QJsonObject ws = parse(http.encodeWebSocketLegacy(*envelope, {}));
    QCOMPARE(ws.value(QStringLiteral("metadata")).toObject(), QJsonObject());
    QCOMPARE(ws.value(QStringLiteral("data")).toObject(), gaze);

    const QJsonObject sse = parse(http.encodeSseLegacy(*envelope, {}));
    QJsonObject expected = gaze;
    expected.insert(QStringLiteral("metadata"), QJsonObject());
    QCOMPARE(sse.value(QStringLiteral("data")).toObject(), expected);
    // A primitive is wrapped rather than lost (SPEC §4.5 [REC]).
    const EnvelopePtr number = makeEnvelope(QStringLiteral("n"), QStringLiteral("s"), 1, 1, 3.5);
    QCOMPARE(parse(http.encodeSseLegacy(*number, {}))
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toDouble(),
             3.5);
}

void TestEnvelope::rawMqttPayload() {
    QCOMPARE(EnvelopeEncoder::encodeRaw(*makeEnvelope(QStringLiteral("e"), QStringLiteral("s"), 1,
                                                      1, QStringLiteral("plain text"))),
             QByteArray("plain text"));
    QCOMPARE(EnvelopeEncoder::encodeRaw(
                 *makeEnvelope(QStringLiteral("e"), QStringLiteral("s"), 1, 1, gaze)),
             QJsonDocument(gaze).toJson(QJsonDocument::Compact));
}

void TestEnvelope::escapesStrings() {
    const QString tricky = QStringLiteral("quote\" back\\slash\nnew\ttab \x01 ünï");
    const EnvelopePtr envelope = makeEnvelope(tricky, tricky, 1, 1, tricky);
    const QJsonObject frame =
        parse(EnvelopeEncoder(QStringLiteral("udp"), PayloadFormat::Envelope).encode(*envelope));
    QCOMPARE(frame.value(QStringLiteral("event")).toString(), tricky);
    QCOMPARE(frame.value(QStringLiteral("sessionId")).toString(), tricky);
    QCOMPARE(frame.value(QStringLiteral("data")).toString(), tricky);
}

// Ingest hands over JSON text: it goes on the wire as written and is parsed only on demand.
void TestEnvelope::envelopeFromJsonTextKeepsTheText() {
    const QByteArray text("{\"x\": 0.5, \"y\":0.25}");
    const EnvelopePtr envelope =
        makeEnvelopeFromJson(QStringLiteral("gaze"), QStringLiteral("s"), 3, 1000, text);
    QVERIFY(!envelope->parsedData);
    const QByteArray wire =
        EnvelopeEncoder(QStringLiteral("udp"), PayloadFormat::Envelope).encode(*envelope);
    QVERIFY(wire.contains(text));
    QCOMPARE(
        parse(wire).value(QStringLiteral("data")).toObject().value(QStringLiteral("y")).toDouble(),
        0.25);
    QCOMPARE(envelope->data().toObject().value(QStringLiteral("x")).toDouble(), 0.5);
    QVERIFY(envelope->parsedData);
    // The legacy SSE shape needs the fields, and gets them from the text.
    const QJsonObject sse = parse(EnvelopeEncoder(QStringLiteral("sse"), PayloadFormat::Legacy)
                                      .encodeSseLegacy(*envelope, {}));
    QCOMPARE(sse.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")).toDouble(),
             0.5);
}

void TestEnvelope::writerMatchesQtJson_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("true") << QJsonValue(true);
    QTest::newRow("int") << QJsonValue(42);
    QTest::newRow("negative") << QJsonValue(-17);
    QTest::newRow("2^53") << QJsonValue(9007199254740992.0);
    QTest::newRow("epoch ms") << QJsonValue(1725880799995.0);
    QTest::newRow("fraction") << QJsonValue(0.523);
    QTest::newRow("tenth") << QJsonValue(0.1);
    QTest::newRow("tiny") << QJsonValue(1e-7);
    QTest::newRow("huge") << QJsonValue(1e300);
    QTest::newRow("pupil") << QJsonValue(3.2 + 0.5 * 0.123456789);
    QTest::newRow("string") << QJsonValue(QStringLiteral("quote\" back\\ \n ünï 😀"));
    QTest::newRow("empty object") << QJsonValue(QJsonObject());
    QTest::newRow("empty array") << QJsonValue(QJsonArray());
    QTest::newRow("gaze") << QJsonValue(QJsonObject{
        {QStringLiteral("x"), 0.523},
        {QStringLiteral("worn"), true},
        {QStringLiteral("leftPupil"),
         QJsonObject{{QStringLiteral("diameter"), 3.2},
                     {QStringLiteral("center"), QJsonArray{0.51, 0.41}}}},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QJsonValue::Null, 1, false}}});
}

// The hot path's own JSON writer must say exactly what QJsonDocument means.
void TestEnvelope::writerMatchesQtJson() {
    QFETCH(QJsonValue, value);
    QByteArray ours;
    JsonWriter::appendValue(ours, value);
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + ours + "]");
    QVERIFY2(parsed.isArray(), ours.constData());
    QCOMPARE(parsed.array().at(0), value);
    const QByteArray qt = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    if (!value.isDouble() || value.toDouble() == std::floor(value.toDouble()))
        QCOMPARE(ours, qt.mid(1, qt.size() - 2));
}

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
