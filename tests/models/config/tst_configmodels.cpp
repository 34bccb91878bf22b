// TemplateListModel, EnvironmentModel and ConfigPatch.
#include "configmanager.h"
#include "configpatch.h"
#include "environmentmodel.h"
#include "jsonutil.h"
#include "templatelistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Every display and tooltip text of a model, to prove a secret appears nowhere.
QString allText(const QAbstractItemModel &model) {
    QString text;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            text += index.data(Qt::DisplayRole).toString() + u'|'
                    + index.data(Qt::ToolTipRole).toString() + u'|';
        }
    }
    return text;
}

} // namespace

class TestConfigModels : public QObject {
    Q_OBJECT

private slots:
    void templateListShowsBuiltInsThenCustom();
    void templateListAnnouncesOnlyChanges();
    void environmentModelMasksSecrets();
    void environmentModelMarksRunOverrides();
    void environmentModelAnnouncesChangedRows();
    void patchReproducesTarget_data();
    void patchReproducesTarget();
};

void TestConfigModels::templateListShowsBuiltInsThenCustom() {
    ConfigManager manager(Environment::fromValues({}));
    manager.registerTemplate(u"lab"_s, {{u"sse"_s, json("{\"port\": 3002}")}}, u"My lab"_s);
    TemplateListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTemplates(TemplateListModel::templatesOf(manager));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(TemplateListModel::ColumnCount));
    QCOMPARE(model.index(0, TemplateListModel::NameColumn).data().toString(), u"local_testing"_s);
    QCOMPARE(model.index(0, TemplateListModel::KindColumn).data().toString(), u"Built-in"_s);
    QCOMPARE(model.index(0, TemplateListModel::DistributorsColumn).data().toString(),
             u"http, websocket"_s);
    const int lab = model.rowOf(u"lab"_s);
    QCOMPARE(lab, 5);
    QCOMPARE(model.index(lab, TemplateListModel::KindColumn).data().toString(), u"Custom"_s);
    QCOMPARE(model.index(lab, TemplateListModel::DescriptionColumn).data().toString(), u"My lab"_s);
    QCOMPARE(model.index(lab, 0).data(TemplateListModel::BuiltInRole).toBool(), false);
    QCOMPARE(model.index(lab, 0).data(TemplateListModel::DistributorTypesRole).toStringList(),
             QStringList{u"sse"_s});
    QCOMPARE(model.headerData(TemplateListModel::NameColumn, Qt::Horizontal).toString(), u"Name"_s);
}

void TestConfigModels::templateListAnnouncesOnlyChanges() {
    ConfigManager manager(Environment::fromValues({}));
    TemplateListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTemplates(TemplateListModel::templatesOf(manager));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    manager.registerTemplate(u"a"_s, {{u"sse"_s, json("{\"port\": 3002}")}});
    manager.registerTemplate(u"b"_s, {{u"udp"_s, json("{\"port\": 9999}")}});
    model.setTemplates(TemplateListModel::templatesOf(manager));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 0);

    manager.registerTemplate(u"a"_s, {{u"sse"_s, json("{\"port\": 3003}")}}, u"changed"_s);
    model.setTemplates(TemplateListModel::templatesOf(manager));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(u"a"_s));
    QCOMPARE(changed.first().at(1).toModelIndex().row(), model.rowOf(u"a"_s));

    manager.unregisterTemplate(u"a"_s);
    model.setTemplates(TemplateListModel::templatesOf(manager));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowOf(u"a"_s), -1);
    QCOMPARE(model.rowOf(u"b"_s), 5);
    QCOMPARE(reset.size(), 0);

    model.setTemplates(TemplateListModel::templatesOf(manager)); // nothing new: no signal
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 2);
}

void TestConfigModels::environmentModelMasksSecrets() {
    ConfigManager manager(Environment::fromValues({{u"MQTT_PASSWORD"_s, u"hunter2"_s},
                                                   {u"API_TOKEN"_s, u"tok-123"_s},
                                                   {u"WS_PORT"_s, u"9000"_s}}));
    EnvironmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuntimeInfo(manager.getRuntimeInfo());
    QVERIFY(model.rowCount() > 10);

    const int password = model.rowOf(u"MQTT_PASSWORD"_s);
    QVERIFY(password >= 0);
    QCOMPARE(model.index(password, EnvironmentModel::ValueColumn).data().toString(), u"[SET]"_s);
    QCOMPARE(model.index(password, EnvironmentModel::StateColumn).data().toString(), u"set"_s);
    QVERIFY(model.index(password, 0).data(EnvironmentModel::SecretRole).toBool());
    QVERIFY(!allText(model).contains(u"hunter2"_s));
    QVERIFY(!allText(model).contains(u"tok-123"_s));

    const int port = model.rowOf(u"WS_PORT"_s);
    QCOMPARE(model.index(port, EnvironmentModel::ValueColumn).data().toString(), u"9000"_s);
    QVERIFY(model.index(port, EnvironmentModel::UsedByColumn)
                .data()
                .toString()
                .contains(u"production"_s));
    QVERIFY(model.index(port, EnvironmentModel::ValueColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"When unset: "_s));

    const int unset = model.rowOf(u"LAB_ID"_s);
    QCOMPARE(model.index(unset, EnvironmentModel::StateColumn).data().toString(), u"not set"_s);
    QCOMPARE(model.index(unset, EnvironmentModel::ValueColumn).data().toString(), u"[NOT SET]"_s);
}

void TestConfigModels::environmentModelMarksRunOverrides() {
    ConfigManager manager(Environment::fromValues({}));
    manager.setVariable(u"MQTT_PASSWORD"_s, u"pasted"_s);
    manager.setVariable(u"MY_OWN"_s, u"visible?"_s);
    manager.unsetVariable(u"GONE"_s);
    EnvironmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuntimeInfo(manager.getRuntimeInfo(),
                         {{u"MQTT_PASSWORD"_s, true}, {u"MY_OWN"_s, true}, {u"GONE"_s, false}});
    const int password = model.rowOf(u"MQTT_PASSWORD"_s);
    QCOMPARE(model.index(password, EnvironmentModel::StateColumn).data().toString(),
             u"set for this run"_s);
    QVERIFY(model.index(password, 0).data(EnvironmentModel::RunOverrideRole).toBool());
    // Not in the catalogue: listed, and masked because nothing says it is not a secret.
    const int own = model.rowOf(u"MY_OWN"_s);
    QVERIFY(own >= 0);
    QCOMPARE(model.index(own, EnvironmentModel::ValueColumn).data().toString(), u"[SET]"_s);
    const int gone = model.rowOf(u"GONE"_s);
    QCOMPARE(model.index(gone, EnvironmentModel::StateColumn).data().toString(),
             u"unset for this run"_s);
    QCOMPARE(model.index(gone, EnvironmentModel::ValueColumn).data().toString(), u"[NOT SET]"_s);
    QVERIFY(!allText(model).contains(u"pasted"_s));
    QVERIFY(!allText(model).contains(u"visible?"_s));
}

void TestConfigModels::environmentModelAnnouncesChangedRows() {
    ConfigManager manager(Environment::fromValues({}));
    EnvironmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuntimeInfo(manager.getRuntimeInfo());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    manager.setVariable(u"LAB_ID"_s, u"lab7"_s);
    model.setRuntimeInfo(manager.getRuntimeInfo());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(u"LAB_ID"_s));
    QCOMPARE(model.index(model.rowOf(u"LAB_ID"_s), EnvironmentModel::ValueColumn).data(),
             QVariant(u"lab7"_s));

    // Many rows at once: one signal for the whole table.
    for (const char *name :
         {"HTTP_ENDPOINT", "WS_PORT", "MQTT_BROKER", "LAB_DATABASE_URL", "LAB_MQTT_BROKER",
          "UDP_PORT", "UDP_TARGETS", "MOBILE_API_URL", "NODE_ENV"})
        manager.setVariable(QString::fromLatin1(name), u"x"_s);
    changed.clear();
    model.setRuntimeInfo(manager.getRuntimeInfo());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), model.rowCount() - 1);

    // A variable only the operator set adds a row: the model starts over.
    model.setRuntimeInfo(manager.getRuntimeInfo(), {{u"EXTRA"_s, true}});
    QCOMPARE(reset.size(), 1);
}

void TestConfigModels::patchReproducesTarget_data() {
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QJsonObject>("patch");
    QTest::newRow("same") << json("{\"port\": 8080}") << json("{\"port\": 8080}") << QJsonObject();
    QTest::newRow("changed") << json("{\"port\": 8080, \"host\": \"a\"}")
                             << json("{\"port\": 9000, \"host\": \"a\"}")
                             << json("{\"port\": 9000}");
    QTest::newRow("added") << json("{}") << json("{\"port\": \"${WS_PORT:-8080}\"}")
                           << json("{\"port\": \"${WS_PORT:-8080}\"}");
    QTest::newRow("removed") << json("{\"port\": 8080, \"host\": \"a\"}")
                             << json("{\"port\": 8080}") << json("{\"host\": null}");
    QTest::newRow("nested") << json("{\"headers\": {\"A\": \"1\", \"B\": \"2\"}}")
                            << json("{\"headers\": {\"A\": \"1\", \"C\": \"3\"}}")
                            << json("{\"headers\": {\"B\": null, \"C\": \"3\"}}");
    QTest::newRow("array replaced")
        << json("{\"failover\": [{\"port\": 1}]}") << json("{\"failover\": [{\"port\": 2}]}")
        << json("{\"failover\": [{\"port\": 2}]}");
}

void TestConfigModels::patchReproducesTarget() {
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QJsonObject, patch);
    QCOMPARE(ConfigPatch::diff(before, after), patch);
    QCOMPARE(JsonUtil::deepMerge(before, patch), after);
    QCOMPARE(ConfigManager::mergeOverride(before, patch), after);
}

QTEST_GUILESS_MAIN(TestConfigModels)
#include "tst_configmodels.moc"
