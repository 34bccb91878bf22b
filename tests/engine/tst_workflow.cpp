// The feature page's phase-based research workflow, end to end with real transports:
// setup → data collection → analysis, sessions closed and reopened on the same ports.
#include "enginetesthelpers.h"
#include "httpsink.h"
#include "mosquittobroker.h"
#include "session.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTcpServer>

class TestWorkflow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runtimeControlWithinOneSession();
    void studyWorkflowAcrossSessions();

private:
    std::unique_ptr<MosquittoBroker> m_broker;
};

void TestWorkflow::initTestCase() {
    m_broker = std::make_unique<MosquittoBroker>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->error()));
}

// "Phase-Based Research Study": one session grows from WebSocket only to HTTP and MQTT.
void TestWorkflow::runtimeControlWithinOneSession() {
    HttpSink server;
    QVERIFY(server.listen());
    const quint16 wsPort = TestSupport::freeTcpPort();
    MqttSubscriber sensors(m_broker->port(), QStringLiteral("labrelay/#"));
    QVERIFY(sensors.waitUntilSubscribed());
    SessionManager manager;

    // Phase 1: setup and calibration, real-time feedback only.
    SessionConfig setup = sessionOptions(QJsonObject{
        {QStringLiteral("template"), QStringLiteral("local_testing")},
        {QStringLiteral("enabledDistributors"), QJsonArray{QStringLiteral("websocket")}},
        {QStringLiteral("distributors"),
         QJsonObject{{QStringLiteral("websocket"), QJsonObject{{QStringLiteral("port"), wsPort}}}}},
        {QStringLiteral("eventRouting"),
         QJsonObject{
             {QStringLiteral("calibration_status"), QJsonArray{QStringLiteral("websocket")}},
             {QStringLiteral("setup_complete"), QJsonArray{QStringLiteral("websocket")}}}}});
    const Result<CreateSessionResult> created =
        await(manager.createSession(QStringLiteral("setup"), setup));
    QVERIFY2(created.ok(), qPrintable(created.error()));
    QCOMPARE(manager.getSession(QStringLiteral("setup"))->activeTypes(),
             QStringList{QStringLiteral("websocket")});
    WebSocketReceiver dashboard(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(wsPort)));
    QTRY_VERIFY(dashboard.isConnected());
    manager.routeEvent(QStringLiteral("setup"), QStringLiteral("calibration_status"),
                       QJsonObject{{QStringLiteral("progress"), 0.5}});
    manager.routeEvent(QStringLiteral("setup"), QStringLiteral("setup_complete"), true);
    QTRY_COMPARE(dashboard.count(), 2);

    // Phase 2: data collection adds HTTP and MQTT, then routing is updated.
    QVERIFY(
        await(manager.enableDistributor(QStringLiteral("setup"), QStringLiteral("http"),
                                        QJsonObject{{QStringLiteral("baseUrl"), server.baseUrl()}}))
            .ok());
    const Result<EnableResult> mqtt =
        await(manager.enableDistributor(QStringLiteral("setup"), QStringLiteral("mqtt"),
                                        QJsonObject{{QStringLiteral("broker"), m_broker->url()}}));
    QVERIFY2(mqtt.ok(), qPrintable(mqtt.error()));
    const Result<RoutingReport> report = manager.updateEventRouting(
        QStringLiteral("setup"),
        EventRouting{
            {QStringLiteral("participant_data"), {QStringLiteral("http"), QStringLiteral("mqtt")}},
            {QStringLiteral("real_time_feedback"), {QStringLiteral("websocket")}},
            {QStringLiteral("sensor_reading"), {QStringLiteral("mqtt")}}});
    QVERIFY(report.ok());
    QCOMPARE(report->accepted.size(), 4);
    QVERIFY(report->skipped.isEmpty());

    manager.routeEvent(QStringLiteral("setup"), QStringLiteral("participant_data"),
                       QJsonObject{{QStringLiteral("participantId"), QStringLiteral("P001")}});
    manager.routeEvent(QStringLiteral("setup"), QStringLiteral("real_time_feedback"), 1);
    manager.routeEvent(QStringLiteral("setup"), QStringLiteral("sensor_reading"), 22.5);
    QTRY_COMPARE(server.paths().count("/events/participant_data"), 1);
    QTRY_COMPARE(sensors.count(), 2);
    QCOMPARE(sensors.events(),
             (QStringList{QStringLiteral("participant_data"), QStringLiteral("sensor_reading")}));
    QTRY_COMPARE(dashboard.count(), 3);
    QCOMPARE(dashboard.events().last(), QStringLiteral("real_time_feedback"));

    // Disable when not needed.
    QVERIFY(
        await(manager.disableDistributor(QStringLiteral("setup"), QStringLiteral("mqtt"))).value());
    const SessionSnapshot snapshot = *manager.snapshot().session(QStringLiteral("setup"));
    for (const DistributorSnapshot &d : snapshot.distributors)
        QVERIFY2(balanced(d), qPrintable(d.type));
    QVERIFY(await(manager.cleanup()));
}

// "Research Study Workflow": three sessions in turn, the dashboard port reused each time.
void TestWorkflow::studyWorkflowAcrossSessions() {
    HttpSink labDatabase;
    QVERIFY(labDatabase.listen());
    HttpSink analysisCluster;
    QVERIFY(analysisCluster.listen());
    const quint16 dashboardPort = TestSupport::freeTcpPort();
    const QString study = QStringLiteral("study-7");
    SessionManager manager;
    const QUrl dashboardUrl(QStringLiteral("ws://127.0.0.1:%1").arg(dashboardPort));

    // setupPhase
    QVERIFY(await(manager.createSession(
                      study + QStringLiteral("-setup"),
                      sessionOptions(QJsonObject{
                          {QStringLiteral("template"), QStringLiteral("local_testing")},
                          {QStringLiteral("enabledDistributors"),
                           QJsonArray{QStringLiteral("websocket")}},
                          {QStringLiteral("distributors"),
                           QJsonObject{{QStringLiteral("websocket"),
                                        QJsonObject{{QStringLiteral("port"), dashboardPort}}}}},
                          {QStringLiteral("eventRouting"),
                           QJsonObject{{QStringLiteral("calibration_progress"),
                                        QJsonArray{QStringLiteral("websocket")}}}}})))
                .ok());
    {
        WebSocketReceiver dashboard(dashboardUrl);
        QTRY_VERIFY(dashboard.isConnected());
        manager.routeEvent(study + QStringLiteral("-setup"), QStringLiteral("calibration_progress"),
                           100);
        QTRY_COMPARE(dashboard.count(), 1);
    }

    // dataCollectionPhase: close the setup session, open the data session on the same port.
    QVERIFY(await(manager.closeSession(study + QStringLiteral("-setup"))));
    MqttSubscriber sensors(m_broker->port(), QStringLiteral("lab/default/#"));
    QVERIFY(sensors.waitUntilSubscribed());
    const quint16 ssePort = TestSupport::freeTcpPort();
    const QString data = study + QStringLiteral("-data");
    const Result<CreateSessionResult> dataSession = await(manager.createSession(
        data,
        sessionOptions(QJsonObject{
            {QStringLiteral("template"), QStringLiteral("research_lab")},
            {QStringLiteral("distributors"),
             QJsonObject{
                 {QStringLiteral("http"),
                  QJsonObject{{QStringLiteral("baseUrl"), labDatabase.baseUrl()}}},
                 {QStringLiteral("mqtt"), QJsonObject{{QStringLiteral("broker"), m_broker->url()}}},
                 {QStringLiteral("websocket"),
                  QJsonObject{{QStringLiteral("port"), dashboardPort},
                              {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}},
                 {QStringLiteral("sse"),
                  QJsonObject{{QStringLiteral("port"), ssePort},
                              {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}}}},
            {QStringLiteral("eventRouting"),
             QJsonObject{
                 {QStringLiteral("participant_data"),
                  QJsonArray{QStringLiteral("http"), QStringLiteral("mqtt")}},
                 {QStringLiteral("real_time_alert"), QJsonArray{QStringLiteral("websocket")}},
                 {QStringLiteral("sensor_reading"), QJsonArray{QStringLiteral("mqtt")}}}}})));
    QVERIFY2(dataSession.ok(), qPrintable(dataSession.error()));
    QCOMPARE(dataSession->state, SessionState::Active);
    // The template's clientId got the session suffix; its topics were kept.
    QCOMPARE(manager.getSession(data)
                 ->slot(QStringLiteral("mqtt"))
                 ->configured()
                 .value(QStringLiteral("clientId"))
                 .toString(),
             QStringLiteral("research-lab-") + data);
    WebSocketReceiver dashboard(dashboardUrl);
    QTRY_VERIFY(dashboard.isConnected());
    manager.routeEvent(data, QStringLiteral("participant_data"),
                       QJsonObject{{QStringLiteral("participantId"), QStringLiteral("P002")}});
    manager.routeEvent(data, QStringLiteral("real_time_alert"), QStringLiteral("look up"));
    manager.routeEvent(data, QStringLiteral("sensor_reading"), 3);
    QTRY_COMPARE(labDatabase.paths().count("/api/events/participant_data"), 1);
    QTRY_COMPARE(sensors.count(), 2);
    QTRY_COMPARE(dashboard.count(), 1);

    // analysisPhase: the production template, HTTP only (its MQTT and 0.0.0.0 WebSocket would
    // reach beyond this machine, which tests never do).
    QVERIFY(await(manager.closeSession(data)));
    const QString analysis = study + QStringLiteral("-analysis");
    QVERIFY(
        await(
            manager.createSession(
                analysis,
                sessionOptions(QJsonObject{
                    {QStringLiteral("template"), QStringLiteral("production")},
                    {QStringLiteral("enabledDistributors"), QJsonArray{QStringLiteral("http")}},
                    {QStringLiteral("distributors"),
                     QJsonObject{
                         {QStringLiteral("http"),
                          QJsonObject{{QStringLiteral("baseUrl"), analysisCluster.baseUrl()}}}}},
                    {QStringLiteral("eventRouting"),
                     QJsonObject{
                         {QStringLiteral("analysis_complete"), QJsonArray{QStringLiteral("http")}},
                         {QStringLiteral("report_ready"), QJsonArray{QStringLiteral("http")}}}}})))
            .ok());
    manager.routeEvent(analysis, QStringLiteral("analysis_complete"),
                       QJsonObject{{QStringLiteral("rows"), 1200}});
    manager.routeEvent(analysis, QStringLiteral("report_ready"), QStringLiteral("report.pdf"));
    QTRY_COMPARE(analysisCluster.paths().count("/events/report_ready"), 1);
    QCOMPARE(analysisCluster.paths().count("/events/analysis_complete"), 1);
    QCOMPARE(manager.sessionIds(), QStringList{analysis});

    QVERIFY(await(manager.cleanup()));
    for (const quint16 port : {dashboardPort, ssePort}) {
        QTcpServer rebind;
        QVERIFY2(rebind.listen(QHostAddress::LocalHost, port), "a port was not released");
    }
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
