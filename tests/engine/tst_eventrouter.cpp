// Routing resolution (SPEC decision 5): exact route, then "*", then the unrouted policy.
#include "eventrouter.h"

#include <QtTest>

class TestEventRouter : public QObject {
    Q_OBJECT

private slots:
    void exactRouteWins();
    void wildcardCatchesTheRest();
    void unroutedPolicy();
    void replacingTheTableForgetsOldRoutes();
};

void TestEventRouter::exactRouteWins() {
    EventRouter router;
    router.setRouting(
        {{QStringLiteral("gaze"), {QStringLiteral("udp"), QStringLiteral("websocket")}},
         {QStringLiteral("*"), {QStringLiteral("mqtt")}}},
        UnroutedPolicy::Drop);
    const EventRouter::Resolution resolution = router.resolve(QStringLiteral("gaze"));
    QCOMPARE(resolution.match, EventRouter::Match::Route);
    QCOMPARE(*resolution.types, (QStringList{QStringLiteral("udp"), QStringLiteral("websocket")}));
}

void TestEventRouter::wildcardCatchesTheRest() {
    EventRouter router;
    router.setRouting({{QStringLiteral("gaze"), {QStringLiteral("udp")}},
                       {QStringLiteral("*"), {QStringLiteral("mqtt")}}},
                      UnroutedPolicy::Drop);
    const EventRouter::Resolution resolution = router.resolve(QStringLiteral("marker"));
    QCOMPARE(resolution.match, EventRouter::Match::Wildcard);
    QCOMPARE(*resolution.types, QStringList{QStringLiteral("mqtt")});
}

void TestEventRouter::unroutedPolicy() {
    EventRouter router;
    router.setRouting({{QStringLiteral("gaze"), {QStringLiteral("udp")}}},
                      UnroutedPolicy::Broadcast);
    QCOMPARE(router.resolve(QStringLiteral("marker")).match, EventRouter::Match::Broadcast);
    router.setRouting(router.routing(), UnroutedPolicy::Drop);
    QCOMPARE(router.resolve(QStringLiteral("marker")).match, EventRouter::Match::Drop);
    // An empty route is a route: it goes nowhere, deliberately.
    router.setRouting({{QStringLiteral("quiet"), {}}}, UnroutedPolicy::Broadcast);
    QCOMPARE(router.resolve(QStringLiteral("quiet")).match, EventRouter::Match::Route);
    QVERIFY(router.resolve(QStringLiteral("quiet")).types->isEmpty());
}

void TestEventRouter::replacingTheTableForgetsOldRoutes() {
    EventRouter router;
    router.setRouting({{QStringLiteral("old"), {QStringLiteral("http")}},
                       {QStringLiteral("*"), {QStringLiteral("http")}}},
                      UnroutedPolicy::Broadcast);
    router.setRouting({{QStringLiteral("new"), {QStringLiteral("udp")}}},
                      UnroutedPolicy::Broadcast);
    QCOMPARE(router.resolve(QStringLiteral("old")).match, EventRouter::Match::Broadcast);
    QCOMPARE(router.resolve(QStringLiteral("new")).match, EventRouter::Match::Route);
}

QTEST_GUILESS_MAIN(TestEventRouter)
#include "tst_eventrouter.moc"
