// NewSessionDialog: the feature page's bad config typed into the real widgets, offscreen.
#include "configfield.h"
#include "configmanager.h"
#include "distributorform.h"
#include "distributoroverrides.h"
#include "newsessiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestNewSessionDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void featurePageBadConfigShowsExactMessage();
    void goodConfigEnablesCreate();
    void emptyOrTakenIdKeepsCreateDisabled();
    void templateValuesArePlaceholders();
    void enabledDistributorsFollowTheCheckBoxes();
    void noTemplateUsesOnlyAddedDistributors();
    void warningsAreShown();
    void customTemplatesAreOffered();

private:
    QLineEdit *fieldEdit(const QString &type, const QString &key) const;
    void typeInto(const QString &type, const QString &key, const QString &text) const;
    QString errorText() const { return m_dialog->findChild<QLabel *>(u"errors"_s)->text(); }
    QPushButton *createButton() const { return m_dialog->findChild<QPushButton *>(u"create"_s); }
    void typeId(const QString &id) const;

    ConfigManager m_manager{Environment::fromValues({})};
    std::unique_ptr<NewSessionDialog> m_dialog;
};

void TestNewSessionDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestNewSessionDialog::init() {
    m_dialog = std::make_unique<NewSessionDialog>(m_manager);
    m_dialog->resize(800, 900);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestNewSessionDialog::cleanup() {
    m_dialog.reset();
}

QLineEdit *TestNewSessionDialog::fieldEdit(const QString &type, const QString &key) const {
    DistributorForm *form = m_dialog->overrides()->form(type);
    return form && form->field(key) ? form->field(key)->findChild<QLineEdit *>() : nullptr;
}

void TestNewSessionDialog::typeInto(const QString &type, const QString &key,
                                    const QString &text) const {
    QLineEdit *edit = fieldEdit(type, key);
    QVERIFY(edit);
    QVERIFY(edit->isEnabled());
    edit->setFocus();
    QTest::keyClicks(edit, text);
}

void TestNewSessionDialog::typeId(const QString &id) const {
    auto *edit = m_dialog->findChild<QLineEdit *>(u"sessionId"_s);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, id);
}

void TestNewSessionDialog::featurePageBadConfigShowsExactMessage() {
    // Seed doc "Automatic Validation": no template given (so local_testing applies),
    // http:{baseUrl:'invalid-url'}, websocket:{port:99999}, mqtt:{}.
    typeId(u"study-1"_s);
    typeInto(u"http"_s, u"baseUrl"_s, u"invalid-url"_s);
    typeInto(u"websocket"_s, u"port"_s, u"99999"_s);
    QCheckBox *mqtt = m_dialog->overrides()->includeBox(u"mqtt"_s);
    QVERIFY(mqtt->isEnabled() && !mqtt->isChecked());
    QTest::mouseClick(mqtt, Qt::LeftButton, {}, QPoint(5, mqtt->height() / 2));
    QVERIFY(mqtt->isChecked());

    const QString expected =
        u"Invalid session configuration: http: HTTP baseUrl must start with http:// or "
        "https://; websocket: WebSocket distributor requires valid port (1-65535); mqtt: MQTT "
        "distributor requires broker URL"_s;
    QCOMPARE(errorText(), expected);
    QCOMPARE(m_dialog->errors(), QStringList{expected});
    QVERIFY(!createButton()->isEnabled());
    QVERIFY(
        m_dialog->warnings().contains(u"mqtt: MQTT clientId not specified, will use default"_s));

    // Enter does not create either.
    QTest::keyClick(m_dialog->findChild<QLineEdit *>(u"sessionId"_s), Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));

    const SessionConfig options = m_dialog->sessionConfig();
    QCOMPARE(options.templateName, std::optional<QString>(u"local_testing"_s));
    QCOMPARE(options.distributors.types(), (QStringList{u"http"_s, u"websocket"_s, u"mqtt"_s}));
    QCOMPARE(options.distributors.value(u"mqtt"_s), QJsonObject());
    QCOMPARE(options.distributors.value(u"http"_s), json("{\"baseUrl\": \"invalid-url\"}"));
    QCOMPARE(options.distributors.value(u"websocket"_s), json("{\"port\": 99999}"));
}

void TestNewSessionDialog::goodConfigEnablesCreate() {
    QVERIFY(!createButton()->isEnabled()); // no id yet
    typeId(u"study-1"_s);
    QVERIFY2(errorText().isEmpty(), qPrintable(errorText()));
    QVERIFY(createButton()->isEnabled());
    typeInto(u"websocket"_s, u"port"_s, u"${WS_PORT:-9001}"_s);
    QVERIFY2(m_dialog->canCreate(), qPrintable(errorText()));
    QTest::mouseClick(createButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_dialog->sessionId(), u"study-1"_s);
    const SessionConfig options = m_dialog->sessionConfig();
    QCOMPARE(options.sessionId, u"study-1"_s);
    QCOMPARE(options.distributors.types(), QStringList{u"websocket"_s}); // overrides only
    QVERIFY(!options.enabledDistributors);
    // The window hands these options to createSession, which must accept them as they are.
    ConfigManager manager(Environment::fromValues({}));
    QVERIFY(manager.createSessionConfig(options).ok());
}

void TestNewSessionDialog::emptyOrTakenIdKeepsCreateDisabled() {
    m_dialog->setTakenIds({u"s1"_s});
    QCOMPARE(errorText(), u"Enter a session id."_s);
    typeId(u"s1"_s);
    QCOMPARE(errorText(), u"A session with the id \"s1\" already exists."_s);
    QVERIFY(!createButton()->isEnabled());
    typeId(u"bad id!"_s);
    QCOMPARE(errorText(), u"Invalid session configuration: sessionId must be 1-64 characters: "
                          "letters, digits, '.', '_' or '-'"_s);
    QVERIFY(!createButton()->isEnabled());
    typeId(u"s2"_s);
    QVERIFY(createButton()->isEnabled());
}

void TestNewSessionDialog::templateValuesArePlaceholders() {
    QCOMPARE(fieldEdit(u"http"_s, u"baseUrl"_s)->placeholderText(),
             u"inherited: http://localhost:3001"_s);
    QCOMPARE(fieldEdit(u"websocket"_s, u"port"_s)->placeholderText(), u"inherited: 8080"_s);
    QCOMPARE(fieldEdit(u"mqtt"_s, u"qos"_s)->placeholderText(), u"default: 1"_s);
    QVERIFY(!m_dialog->overrides()->includeBox(u"http"_s)->isEnabled()); // part of the template
    QVERIFY(!m_dialog->overrides()->form(u"mqtt"_s)->isEnabled());       // not configured

    auto *templates = m_dialog->findChild<QComboBox *>(u"template"_s);
    templates->setCurrentIndex(templates->findData(u"research_lab"_s));
    QCOMPARE(fieldEdit(u"mqtt"_s, u"broker"_s)->placeholderText(),
             u"inherited: mqtt://lab-iot.local:1883"_s);
    QVERIFY(m_dialog->overrides()->form(u"mqtt"_s)->isEnabled());
}

void TestNewSessionDialog::enabledDistributorsFollowTheCheckBoxes() {
    typeId(u"s1"_s);
    QCheckBox *websocket = m_dialog->overrides()->enableBox(u"websocket"_s);
    websocket->click();
    QCOMPARE(m_dialog->sessionConfig().enabledDistributors,
             std::optional<QStringList>(QStringList{u"http"_s}));
    QVERIFY(createButton()->isEnabled());
    m_dialog->overrides()->enableBox(u"http"_s)->click();
    QCOMPARE(errorText(), u"Choose at least one distributor to start enabled (an empty list "
                          "would start all of them)."_s);
    QVERIFY(!createButton()->isEnabled());
    websocket->click();
    QCOMPARE(m_dialog->sessionConfig().enabledDistributors,
             std::optional<QStringList>(QStringList{u"websocket"_s}));
    QVERIFY(createButton()->isEnabled());
}

void TestNewSessionDialog::noTemplateUsesOnlyAddedDistributors() {
    typeId(u"s1"_s);
    auto *templates = m_dialog->findChild<QComboBox *>(u"template"_s);
    templates->setCurrentIndex(templates->count() - 1);
    QCOMPARE(templates->currentText(), u"(no template)"_s);
    QCOMPARE(m_dialog->overrides()->configuredTypes(), QStringList());
    m_dialog->overrides()->includeBox(u"sse"_s)->click();
    QCOMPARE(errorText(), u"Invalid session configuration: sse: SSE distributor requires valid "
                          "port (1-65535)"_s);
    typeInto(u"sse"_s, u"port"_s, u"3002"_s);
    QVERIFY(createButton()->isEnabled());
    const SessionConfig options = m_dialog->sessionConfig();
    QCOMPARE(options.templateName, std::optional<QString>(QString()));
    QCOMPARE(options.distributors.toJson(), json("{\"sse\": {\"port\": 3002}}"));
}

void TestNewSessionDialog::warningsAreShown() {
    typeId(u"s1"_s);
    typeInto(u"websocket"_s, u"host"_s, u"0.0.0.0"_s);
    QVERIFY(createButton()->isEnabled()); // warnings do not block
    auto *warnings = m_dialog->findChild<QLabel *>(u"warnings"_s);
    QVERIFY(warnings->isVisible());
    QVERIFY2(warnings->text().contains(
                 u"websocket: WebSocket host 0.0.0.0 listens on all network interfaces"_s),
             qPrintable(warnings->text()));
}

void TestNewSessionDialog::customTemplatesAreOffered() {
    ConfigManager manager(Environment::fromValues({}));
    manager.registerTemplate(u"lab"_s, {{u"udp"_s, json("{\"port\": 9999, \"targets\": "
                                                        "[\"127.0.0.1:9999\"]}")}});
    NewSessionDialog dialog(manager);
    dialog.setTemplate(u"lab"_s);
    dialog.setSessionId(u"s1"_s);
    QVERIFY2(dialog.canCreate(), qPrintable(dialog.errors().join(u'\n')));
    QCOMPARE(dialog.overrides()->configuredTypes(), QStringList{u"udp"_s});
    QCOMPARE(manager.getValidatedConfigs(), QStringList()); // the dialog validated on a copy
}

QTEST_MAIN(TestNewSessionDialog)
#include "tst_newsessiondialog.moc"
