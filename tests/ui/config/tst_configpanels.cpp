// TemplatesPanel and EnvironmentPanel, driven through their buttons and dialogs, offscreen.
#include "configmanager.h"
#include "environmentmodel.h"
#include "environmentpanel.h"
#include "templatelistmodel.h"
#include "templatespanel.h"
#include "templatestore.h"

#include <QAbstractItemModelTester>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestConfigPanels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cloneThroughTheDialog();
    void badCloneNamesAreRefused_data();
    void badCloneNamesAreRefused();
    void builtInsAreReadOnly();
    void editValidatesAsYouType();
    void deleteAsksFirst();
    void cloningABuiltInLeavesSecretsBehind();
    void storeProblemsAreShown();
    void environmentSetMasksAndAnnounces();
    void environmentUnset();
    void environmentBadNameIsRefused();
    void environmentReload();

private:
    void startPanel(const Environment &environment);
    QPushButton *button(const char *name) const;
    QString messages() const { return m_panel->findChild<QLabel *>(u"messages"_s)->text(); }
    void clone(const QString &source, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConfigManager> m_manager;
    std::unique_ptr<TemplateStore> m_store;
    std::unique_ptr<TemplatesPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestConfigPanels::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestConfigPanels::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    startPanel(Environment::fromValues({}));
}

void TestConfigPanels::startPanel(const Environment &environment) {
    m_tester.reset();
    m_panel.reset();
    m_manager = std::make_unique<ConfigManager>(environment);
    m_store = std::make_unique<TemplateStore>(m_dir->filePath(u"templates.json"_s));
    QCOMPARE(m_store->load(), QStringList());
    m_store->registerInto(*m_manager);
    m_panel = std::make_unique<TemplatesPanel>(*m_manager, *m_store);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->resize(800, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConfigPanels::cleanup() {
    m_tester.reset();
    m_panel.reset();
    m_store.reset();
    m_manager.reset();
    m_dir.reset();
}

QPushButton *TestConfigPanels::button(const char *name) const {
    return m_panel->findChild<QPushButton *>(QString::fromLatin1(name));
}

void TestConfigPanels::clone(const QString &source, const QString &name) {
    m_panel->select(source);
    QTest::mouseClick(button("clone"), Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_panel->findChild<QInputDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->textValue(), source + u"_copy"_s);
    dialog->setTextValue(name);
    dialog->accept();
}

void TestConfigPanels::cloneThroughTheDialog() {
    QSignalSpy changed(m_panel.get(), &TemplatesPanel::templatesChanged);
    QCOMPARE(m_panel->model()->rowCount(), 5);
    clone(u"local_testing"_s, u"my_lab"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 6);
    QCOMPARE(m_panel->selectedName(), u"my_lab"_s);
    QCOMPARE(messages(), u"Created the custom template \"my_lab\"."_s);
    QVERIFY(!m_manager->isBuiltInTemplate(u"my_lab"_s));
    QCOMPARE(m_store->find(u"my_lab"_s)->distributors,
             m_manager->getTemplate(u"local_testing"_s)->distributors);
    TemplateStore reread(m_store->path());
    reread.load();
    QCOMPARE(reread.names(), QStringList{u"my_lab"_s}); // on disk at once
}

void TestConfigPanels::badCloneNamesAreRefused_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << u"Template name must not be empty"_s;
    QTest::newRow("space") << u"my lab"_s
                           << u"Template name \"my lab\" may only contain letters A-Z and a-z, "
                              "digits, '_' and '-'"_s;
    QTest::newRow("built-in") << u"production"_s
                              << u"A template named \"production\" already exists"_s;
    QTest::newRow("custom taken") << u"mine"_s << u"A template named \"mine\" already exists"_s;
}

void TestConfigPanels::badCloneNamesAreRefused() {
    QFETCH(QString, name);
    QFETCH(QString, error);
    QString ignored;
    QVERIFY(m_store->add(u"mine"_s, QString(), {}, &ignored));
    m_store->registerInto(*m_manager);
    m_panel->refresh();
    QSignalSpy changed(m_panel.get(), &TemplatesPanel::templatesChanged);
    const int rows = m_panel->model()->rowCount();
    clone(u"research_lab"_s, name);
    QCOMPARE(messages(), error);
    QCOMPARE(m_panel->model()->rowCount(), rows);
    QCOMPARE(m_store->names(), QStringList{u"mine"_s});
    QCOMPARE(changed.size(), 0);
}

void TestConfigPanels::builtInsAreReadOnly() {
    m_panel->select(u"production"_s);
    auto *json = m_panel->findChild<QPlainTextEdit *>(u"json"_s);
    QVERIFY(json->isReadOnly());
    QVERIFY(json->toPlainText().contains(u"\"format\": \"labrelay-session\""_s));
    QVERIFY(json->toPlainText().contains(u"mqtts://broker.research-platform.com:8883"_s));
    QVERIFY(!button("edit")->isEnabled());
    QVERIFY(!button("delete")->isEnabled());
    QVERIFY(button("clone")->isEnabled());
    m_panel->startEditing();
    QVERIFY(!m_panel->isEditing());
    QCOMPARE(m_panel->deleteTemplate(u"production"_s),
             u"\"production\" is a built-in template and cannot be deleted"_s);
    QVERIFY(m_manager->isBuiltInTemplate(u"production"_s));
}

void TestConfigPanels::editValidatesAsYouType() {
    clone(u"local_testing"_s, u"lab"_s);
    QSignalSpy changed(m_panel.get(), &TemplatesPanel::templatesChanged);
    QTest::mouseClick(button("edit"), Qt::LeftButton);
    QVERIFY(m_panel->isEditing());
    auto *json = m_panel->findChild<QPlainTextEdit *>(u"json"_s);
    QVERIFY(!json->isReadOnly());
    QVERIFY(!button("save")->isEnabled()); // nothing changed yet

    json->setPlainText(u"{\n  \"distributors\": {\n    oops\n}"_s);
    QVERIFY2(messages().startsWith(u"lab:3:"_s), qPrintable(messages()));
    QVERIFY(messages().contains(u"not valid JSON"_s));
    QVERIFY(!button("save")->isEnabled());

    json->setPlainText(u"{\"distributors\": {\"websocket\": {\"port\": 99999}}}"_s);
    QCOMPARE(messages(), u"websocket: WebSocket distributor requires valid port (1-65535)"_s);
    QVERIFY(!button("save")->isEnabled());

    json->setPlainText(u"{\"distributors\": {\"websocket\": {\"port\": \"${WS_PORT:-9100}\"}}}"_s);
    QVERIFY2(button("save")->isEnabled(), qPrintable(messages()));
    auto *description = m_panel->findChild<QLineEdit *>(u"description"_s);
    description->clear();
    QTest::keyClicks(description, u"Port from the environment"_s);
    QTest::mouseClick(button("save"), Qt::LeftButton);
    QVERIFY(!m_panel->isEditing());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(messages(), u"Saved the template \"lab\"."_s);
    const auto saved = m_manager->getTemplate(u"lab"_s);
    QCOMPARE(saved->description, u"Port from the environment"_s);
    QCOMPARE(saved->distributors.value(u"websocket"_s).value(u"port"_s).toString(),
             u"${WS_PORT:-9100}"_s);
    QCOMPARE(m_store->find(u"lab"_s)->distributors, saved->distributors);
    const int row = m_panel->model()->rowOf(u"lab"_s);
    QCOMPARE(m_panel->model()->index(row, TemplateListModel::DistributorsColumn).data(),
             QVariant(u"websocket"_s));
}

void TestConfigPanels::deleteAsksFirst() {
    clone(u"local_testing"_s, u"doomed"_s);
    QSignalSpy changed(m_panel.get(), &TemplatesPanel::templatesChanged);

    QTest::mouseClick(button("delete"), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>()) && box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>());
    QVERIFY(m_store->find(u"doomed"_s));
    QCOMPARE(changed.size(), 0);

    m_panel->select(u"doomed"_s);
    QTest::mouseClick(button("delete"), Qt::LeftButton);
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>()) && box->isVisible());
    QVERIFY(box->text().contains(u"doomed"_s));
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_store->find(u"doomed"_s));
    QVERIFY(!m_manager->getTemplate(u"doomed"_s));
    QCOMPARE(m_panel->model()->rowOf(u"doomed"_s), -1);
}

void TestConfigPanels::cloningABuiltInLeavesSecretsBehind() {
    startPanel(Environment::fromValues({{u"MQTT_USERNAME"_s, u"lab"_s},
                                        {u"MQTT_PASSWORD"_s, u"hunter2"_s},
                                        {u"API_TOKEN"_s, u"tok-123"_s}}));
    m_panel->select(u"production"_s);
    const QString shown = m_panel->findChild<QPlainTextEdit *>(u"json"_s)->toPlainText();
    QVERIFY(!shown.contains(u"hunter2"_s));
    QVERIFY(!shown.contains(u"tok-123"_s));

    clone(u"production"_s, u"prod_copy"_s);
    QCOMPARE(messages(), u"Created the custom template \"prod_copy\". Secrets were not copied "
                         "(http.headers.Authorization, mqtt.password); use ${VARIABLE} "
                         "references instead."_s);
    const DistributorConfigMap copied = m_store->find(u"prod_copy"_s)->distributors;
    QVERIFY(!copied.value(u"mqtt"_s).contains(u"password"_s));
    QCOMPARE(copied.value(u"mqtt"_s).value(u"username"_s).toString(), u"lab"_s);
    QFile file(m_store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(!onDisk.contains("hunter2"));
    QVERIFY(!onDisk.contains("tok-123"));
}

void TestConfigPanels::storeProblemsAreShown() {
    m_panel->showProblems({u"/x/templates.json:3:4: not valid JSON: unterminated object"_s});
    QCOMPARE(messages(), u"/x/templates.json:3:4: not valid JSON: unterminated object"_s);
}

void TestConfigPanels::environmentSetMasksAndAnnounces() {
    ConfigManager manager(Environment::fromValues({}));
    EnvironmentPanel panel(manager);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy set(&panel, &EnvironmentPanel::variableSet);

    auto *name = panel.findChild<QLineEdit *>(u"name"_s);
    auto *value = panel.findChild<QLineEdit *>(u"value"_s);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QTest::keyClicks(name, u"MQTT_PASSWORD"_s);
    QTest::keyClicks(value, u"hunter2"_s);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"set"_s), Qt::LeftButton);

    QCOMPARE(set.size(), 1);
    QCOMPARE(set.first().at(0).toString(), u"MQTT_PASSWORD"_s);
    QCOMPARE(set.first().at(1).toString(), u"hunter2"_s);
    QCOMPARE(manager.environment().value(u"MQTT_PASSWORD"_s), std::optional<QString>(u"hunter2"_s));
    QVERIFY(value->text().isEmpty()); // the value does not linger in the widget
    const int row = panel.model()->rowOf(u"MQTT_PASSWORD"_s);
    QCOMPARE(panel.model()->index(row, EnvironmentModel::ValueColumn).data(), QVariant(u"[SET]"_s));
    QCOMPARE(panel.model()->index(row, EnvironmentModel::StateColumn).data(),
             QVariant(u"set for this run"_s));
    QCOMPARE(panel.findChild<QLabel *>(u"message"_s)->text(),
             u"MQTT_PASSWORD is set for this run; it is not saved."_s);
}

void TestConfigPanels::environmentUnset() {
    ConfigManager manager(Environment::fromValues({{u"LAB_ID"_s, u"lab7"_s}}));
    EnvironmentPanel panel(manager);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy unset(&panel, &EnvironmentPanel::variableUnset);
    const int row = panel.model()->rowOf(u"LAB_ID"_s);
    QCOMPARE(panel.model()->index(row, EnvironmentModel::ValueColumn).data(), QVariant(u"lab7"_s));
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"name"_s), u"LAB_ID"_s);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"unset"_s), Qt::LeftButton);
    QCOMPARE(unset.size(), 1);
    QCOMPARE(unset.first().at(0).toString(), u"LAB_ID"_s);
    QVERIFY(!manager.environment().isSet(u"LAB_ID"_s));
    QCOMPARE(panel.model()->index(row, EnvironmentModel::StateColumn).data(),
             QVariant(u"unset for this run"_s));
    QCOMPARE(panel.model()->index(row, EnvironmentModel::ValueColumn).data(),
             QVariant(u"[NOT SET]"_s));
}

void TestConfigPanels::environmentBadNameIsRefused() {
    ConfigManager manager(Environment::fromValues({}));
    EnvironmentPanel panel(manager);
    QSignalSpy set(&panel, &EnvironmentPanel::variableSet);
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"name"_s), u"1BAD-NAME"_s);
    QTest::keyClicks(panel.findChild<QLineEdit *>(u"value"_s), u"x"_s);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"set"_s), Qt::LeftButton);
    QCOMPARE(set.size(), 0);
    QCOMPARE(panel.findChild<QLabel *>(u"message"_s)->text(),
             u"Variable name \"1BAD-NAME\" must start with a letter or '_' and hold only "
             "letters, digits and '_'"_s);
    QCOMPARE(panel.setVariable(QString(), u"x"_s), u"Variable name must not be empty"_s);
    QVERIFY(!manager.environment().isSet(u"1BAD-NAME"_s));
}

void TestConfigPanels::environmentReload() {
    qunsetenv("LAB_MQTT_BROKER");
    ConfigManager manager; // the process environment
    EnvironmentPanel panel(manager);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reloaded(&panel, &EnvironmentPanel::environmentReloaded);
    const int row = panel.model()->rowOf(u"LAB_MQTT_BROKER"_s);
    QCOMPARE(panel.model()->index(row, EnvironmentModel::StateColumn).data(),
             QVariant(u"not set"_s));
    qputenv("LAB_MQTT_BROKER", "mqtt://127.0.0.1:1999");
    QTest::mouseClick(panel.findChild<QPushButton *>(u"reload"_s), Qt::LeftButton);
    qunsetenv("LAB_MQTT_BROKER");
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(panel.model()->index(row, EnvironmentModel::ValueColumn).data(),
             QVariant(u"mqtt://127.0.0.1:1999"_s));
    QCOMPARE(manager.getTemplate(u"research_lab"_s)
                 ->distributors.value(u"mqtt"_s)
                 .value(u"broker"_s)
                 .toString(),
             u"mqtt://127.0.0.1:1999"_s);
}

QTEST_MAIN(TestConfigPanels)
#include "tst_configpanels.moc"
