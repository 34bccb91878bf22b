// DistributorEditor and the distributor form: typed into the real widgets, offscreen.
#include "collectionfields.h"
#include "configfield.h"
#include "configmanager.h"
#include "distributoreditor.h"
#include "distributorform.h"
#include "failoverfield.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const QString BadWebSocketPort = u"WebSocket distributor requires valid port (1-65535)"_s;

} // namespace

class TestDistributorEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void formHasAFieldForEveryKey_data();
    void formHasAFieldForEveryKey();
    void placeholdersShowDefaults();
    void badPortShowsMessageAndDisablesApply();
    void referenceIsAcceptedInIntegerField();
    void onlySetKeysAreEmitted();
    void clearedKeyIsSentAsRemoval();
    void revertRestoresLoadedConfig();
    void booleanComboWritesBoolean();
    void secretFieldIsMasked();
    void advisoryKeyShowsNote();
    void unknownKeysAreKept();
    void stringMapAndTargets();
    void failoverAlternativesHoldOnlyDifferences();
    void applyFinishedReportsTheEngine();

private:
    QLineEdit *lineEditOf(const QString &key) const;
    void retype(const QString &key, const QString &text) const;
    QString errorsText() const;
    QPushButton *applyButton() const;

    ConfigManager m_manager{Environment::fromValues({})};
    std::unique_ptr<DistributorEditor> m_editor;
};

void TestDistributorEditor::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestDistributorEditor::init() {
    m_editor = std::make_unique<DistributorEditor>(m_manager);
    m_editor->resize(700, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestDistributorEditor::cleanup() {
    m_editor.reset();
}

QLineEdit *TestDistributorEditor::lineEditOf(const QString &key) const {
    ConfigField *field = m_editor->form()->field(key);
    return field ? field->findChild<QLineEdit *>() : nullptr;
}

void TestDistributorEditor::retype(const QString &key, const QString &text) const {
    QLineEdit *edit = lineEditOf(key);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QString TestDistributorEditor::errorsText() const {
    return m_editor->findChild<QLabel *>(u"errors"_s)->text();
}

QPushButton *TestDistributorEditor::applyButton() const {
    return m_editor->findChild<QPushButton *>(u"apply"_s);
}

void TestDistributorEditor::formHasAFieldForEveryKey_data() {
    QTest::addColumn<QString>("type");
    for (const QString &type : DistributorTypes::names())
        QTest::newRow(qPrintable(type)) << type;
}

void TestDistributorEditor::formHasAFieldForEveryKey() {
    QFETCH(QString, type);
    m_editor->load(type, {});
    for (const KeySpec &spec : ConfigSchema::keys(*DistributorTypes::fromName(type))) {
        ConfigField *field = m_editor->form()->field(spec.key);
        QVERIFY2(field, qPrintable(spec.key));
        QVERIFY(field->value().isUndefined()); // nothing filled in from defaults
    }
    QCOMPARE(m_editor->config(), QJsonObject());
}

void TestDistributorEditor::placeholdersShowDefaults() {
    m_editor->load(u"websocket"_s, {});
    QCOMPARE(lineEditOf(u"port"_s)->placeholderText(), u"default: 8080"_s);
    QCOMPARE(lineEditOf(u"host"_s)->placeholderText(), u"default: localhost"_s);
    QCOMPARE(lineEditOf(u"accessToken"_s)->placeholderText(), u"not set"_s);
    auto *compression = m_editor->form()->field(u"compression"_s)->findChild<QComboBox *>();
    QCOMPARE(compression->lineEdit()->placeholderText(), u"default: true"_s);
}

void TestDistributorEditor::badPortShowsMessageAndDisablesApply() {
    m_editor->load(u"websocket"_s, json("{\"port\": 8080}"));
    QVERIFY(errorsText().isEmpty());
    retype(u"port"_s, u"99999"_s);
    QCOMPARE(errorsText(), BadWebSocketPort);
    QVERIFY(m_editor->findChild<QLabel *>(u"errors"_s)->isVisible());
    QVERIFY(!applyButton()->isEnabled());
    retype(u"port"_s, u"80a"_s);
    QCOMPARE(errorsText(), BadWebSocketPort);
    QVERIFY(!applyButton()->isEnabled());
    retype(u"port"_s, u"9001"_s);
    QVERIFY(errorsText().isEmpty());
    QVERIFY(applyButton()->isEnabled());
}

void TestDistributorEditor::referenceIsAcceptedInIntegerField() {
    m_editor->load(u"websocket"_s, json("{\"port\": 8080}"));
    retype(u"port"_s, u"${WS_PORT:-8080}"_s);
    QVERIFY2(errorsText().isEmpty(), qPrintable(errorsText()));
    QVERIFY(applyButton()->isEnabled());
    QCOMPARE(m_editor->config().value(u"port"_s), QJsonValue(u"${WS_PORT:-8080}"_s));
    // A reference to an unset variable without a default is a warning, not an error.
    retype(u"maxConnections"_s, u"${MAX_CLIENTS}"_s);
    QVERIFY(errorsText().isEmpty());
    QVERIFY(m_editor->findChild<QLabel *>(u"warnings"_s)
                ->text()
                .contains(u"environment variable MAX_CLIENTS is not set"_s));
}

void TestDistributorEditor::onlySetKeysAreEmitted() {
    QSignalSpy applied(m_editor.get(), &DistributorEditor::applyRequested);
    m_editor->load(u"websocket"_s, {});
    QCOMPARE(errorsText(), BadWebSocketPort); // a WebSocket server needs a port
    retype(u"port"_s, u"9001"_s);
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().at(0).toString(), u"websocket"_s);
    QCOMPARE(applied.first().at(1).toJsonObject(), json("{\"port\": 9001}"));

    // Loaded keys the operator did not touch are not sent again.
    m_editor->load(u"websocket"_s, json("{\"port\": 9001, \"host\": \"localhost\"}"));
    retype(u"host"_s, u"0.0.0.0"_s);
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    QCOMPARE(applied.size(), 2);
    QCOMPARE(applied.last().at(1).toJsonObject(), json("{\"host\": \"0.0.0.0\"}"));
}

void TestDistributorEditor::clearedKeyIsSentAsRemoval() {
    QSignalSpy applied(m_editor.get(), &DistributorEditor::applyRequested);
    m_editor->load(u"websocket"_s, json("{\"port\": 9001, \"maxConnections\": 5}"));
    retype(u"maxConnections"_s, QString());
    QCOMPARE(m_editor->config(), json("{\"port\": 9001}"));
    m_editor->apply();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().at(1).toJsonObject(), json("{\"maxConnections\": null}"));
}

void TestDistributorEditor::revertRestoresLoadedConfig() {
    const QJsonObject loaded = json("{\"port\": 8080, \"host\": \"localhost\"}");
    m_editor->load(u"websocket"_s, loaded);
    auto *revert = m_editor->findChild<QPushButton *>(u"revert"_s);
    QVERIFY(!revert->isEnabled());
    retype(u"port"_s, u"99999"_s);
    retype(u"host"_s, QString());
    QVERIFY(m_editor->isModified());
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(m_editor->config(), loaded);
    QCOMPARE(lineEditOf(u"port"_s)->text(), u"8080"_s);
    QCOMPARE(lineEditOf(u"host"_s)->text(), u"localhost"_s);
    QVERIFY(errorsText().isEmpty());
    QVERIFY(!applyButton()->isEnabled()); // nothing to apply
    QVERIFY(!revert->isEnabled());
}

void TestDistributorEditor::booleanComboWritesBoolean() {
    m_editor->load(u"mqtt"_s, json("{\"broker\": \"mqtt://127.0.0.1:1883\"}"));
    auto *retain = m_editor->form()->field(u"retain"_s)->findChild<QComboBox *>();
    QVERIFY(retain);
    retain->setFocus();
    QTest::keyClicks(retain, u"false"_s);
    QCOMPARE(m_editor->config().value(u"retain"_s), QJsonValue(false));
    retain->lineEdit()->clear();
    QTest::keyClicks(retain, u"${RETAIN}"_s);
    QCOMPARE(m_editor->config().value(u"retain"_s), QJsonValue(u"${RETAIN}"_s));
    retain->lineEdit()->selectAll();
    QTest::keyClick(retain, Qt::Key_Backspace);
    QVERIFY(!m_editor->config().contains(u"retain"_s));
    QTest::keyClicks(retain, u"maybe"_s);
    QCOMPARE(errorsText(), u"retain: expected true or false"_s);
}

void TestDistributorEditor::secretFieldIsMasked() {
    m_editor->load(u"mqtt"_s,
                   json("{\"broker\": \"mqtt://127.0.0.1:1883\", \"password\": \"pw\"}"));
    QLineEdit *password = lineEditOf(u"password"_s);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(lineEditOf(u"username"_s)->echoMode(), QLineEdit::Normal);
    QCOMPARE(m_editor->config().value(u"password"_s), QJsonValue(u"pw"_s));
}

void TestDistributorEditor::advisoryKeyShowsNote() {
    m_editor->load(u"websocket"_s, {});
    ConfigField *compression = m_editor->form()->field(u"compression"_s);
    auto *note = compression->parentWidget()->findChild<QLabel *>(u"advisoryNote"_s);
    QVERIFY(note);
    QCOMPARE(note->text(), u"has no effect"_s);
    QVERIFY(!m_editor->form()->field(u"port"_s)->parentWidget()->findChild<QLabel *>(
        u"advisoryNote"_s, Qt::FindDirectChildrenOnly));
}

void TestDistributorEditor::unknownKeysAreKept() {
    const QJsonObject loaded = json("{\"port\": 8080, \"futureKey\": {\"a\": 1}}");
    m_editor->load(u"websocket"_s, loaded);
    QCOMPARE(m_editor->config(), loaded);
    QVERIFY(!m_editor->isModified());
    // A value of the wrong kind comes back unchanged while the operator leaves it alone.
    m_editor->load(u"websocket"_s, json("{\"port\": 8080, \"maxPayload\": [1]}"));
    QCOMPARE(m_editor->config().value(u"maxPayload"_s).toArray(), QJsonArray{1});
    QCOMPARE(errorsText(), u"maxPayload: expected an integer 1-268435456"_s);
}

void TestDistributorEditor::stringMapAndTargets() {
    m_editor->load(u"http"_s, json("{\"baseUrl\": \"http://127.0.0.1:3001\"}"));
    auto *headers = qobject_cast<StringMapField *>(m_editor->form()->field(u"headers"_s));
    QVERIFY(headers);
    headers->addEntry(u"Authorization"_s, u"Bearer ${API_TOKEN}"_s);
    QCOMPARE(m_editor->config().value(u"headers"_s).toObject(),
             json("{\"Authorization\": \"Bearer ${API_TOKEN}\"}"));
    QVERIFY(applyButton()->isEnabled());

    m_editor->load(u"udp"_s, json("{\"port\": 9999, \"targets\": [{\"host\": \"127.0.0.1\", "
                                  "\"port\": 9999}]}"));
    auto *targets = qobject_cast<StringListField *>(m_editor->form()->field(u"targets"_s));
    QVERIFY(targets);
    targets->addEntry(u"10.0.0.2:7000"_s);
    targets->addEntry(u"${UDP_TARGET}"_s);
    QCOMPARE(m_editor->config().value(u"targets"_s).toArray(),
             (QJsonArray{json("{\"host\": \"127.0.0.1\", \"port\": 9999}"),
                         json("{\"host\": \"10.0.0.2\", \"port\": 7000}"), u"${UDP_TARGET}"_s}));
    targets->addEntry(u"nohost"_s);
    QCOMPARE(errorsText(), u"UDP target \"nohost\" is not host:port"_s);
    QVERIFY(!applyButton()->isEnabled());
}

void TestDistributorEditor::failoverAlternativesHoldOnlyDifferences() {
    m_editor->load(u"mqtt"_s, json("{\"broker\": \"mqtt://127.0.0.1:1883\", \"qos\": 1}"));
    auto *failover = qobject_cast<FailoverField *>(m_editor->form()->field(u"failover"_s));
    QVERIFY(failover);
    QVERIFY(!failover->alternativeForm()->field(u"failover"_s)); // no nesting
    failover->addAlternative();
    QCOMPARE(m_editor->config().value(u"failover"_s).toArray(), QJsonArray{QJsonObject()});
    DistributorForm *nested = failover->alternativeForm();
    auto *broker = nested->field(u"broker"_s)->findChild<QLineEdit *>();
    QCOMPARE(broker->placeholderText(), u"inherited: mqtt://127.0.0.1:1883"_s);
    broker->setFocus();
    QTest::keyClicks(broker, u"mqtt://127.0.0.1:1884"_s);
    QCOMPARE(m_editor->config().value(u"failover"_s).toArray(),
             QJsonArray{json("{\"broker\": \"mqtt://127.0.0.1:1884\"}")});
    QVERIFY(errorsText().isEmpty());
    broker->selectAll();
    QTest::keyClicks(broker, u"ftp://x"_s);
    QCOMPARE(errorsText(), u"failover[0]: MQTT broker must start with mqtt:// or mqtts://"_s);
}

void TestDistributorEditor::applyFinishedReportsTheEngine() {
    m_editor->load(u"websocket"_s, json("{\"port\": 8080}"));
    retype(u"port"_s, u"8081"_s);
    m_editor->apply();
    auto *status = m_editor->findChild<QLabel *>(u"status"_s);
    m_editor->applyFinished(u"websocket: port 8081 already in use by session s2"_s);
    QCOMPARE(status->text(), u"Not applied: websocket: port 8081 already in use by session s2"_s);
    QVERIFY(m_editor->isModified()); // the operator's edits stay for another try
    m_editor->applyFinished(QString());
    QVERIFY(!m_editor->isModified());
    QCOMPARE(m_editor->loadedConfig(), json("{\"port\": 8081}"));
    QCOMPARE(status->text(), u"Applied."_s);
}

QTEST_MAIN(TestDistributorEditor)
#include "tst_distributoreditor.moc"
