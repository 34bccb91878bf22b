// labrelay-guibench: how responsive the window stays while a session routes 50k events/s.
// The GUI thread measures its own event-loop lag with a 5 ms precise timer; the engine, on its
// worker thread, routes events in 1 ms ticks. Prints a Markdown table.
//
//   labrelay-guibench [--rate 50000] [--seconds 10]
#include "benchreceivers.h"
#include "controlpanel.h"
#include "mainwindow.h"
#include "sessionspanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

// Routes `rate` events/s into `session` from a timer on the engine thread.
class LoadGenerator final : public QObject {
public:
    LoadGenerator(SessionManager &manager, QString session, int rate)
        : QObject(&manager)
        , m_manager(manager)
        , m_session(std::move(session))
        , m_rate(rate) {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &LoadGenerator::tick);
        m_clock.start();
        m_timer.start();
    }

    quint64 sent() const { return m_sent; }

private:
    void tick() {
        const quint64 due = quint64(m_clock.nsecsElapsed() / 1000) * quint64(m_rate) / 1000000;
        const QJsonObject sample{{QStringLiteral("x"), 0.5},
                                 {QStringLiteral("y"), 0.4},
                                 {QStringLiteral("confidence"), 0.95}};
        while (m_sent < due) {
            m_manager.routeEvent(m_session, QStringLiteral("neon_gaze_data"), sample);
            ++m_sent;
        }
    }

    SessionManager &m_manager;
    QString m_session;
    int m_rate;
    QTimer m_timer{this};
    QElapsedTimer m_clock;
    quint64 m_sent = 0;
};

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("labrelay-guibench"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Events per second."), QStringLiteral("n"),
                                        QStringLiteral("50000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Duration."),
                                           QStringLiteral("s"), QStringLiteral("10"));
    parser.addOptions({rateOption, secondsOption});
    parser.process(app);
    const int rate = parser.value(rateOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();

    QThread receiverThread;
    receiverThread.start();
    auto *udp = new UdpBenchReceiver(0);
    udp->moveToThread(&receiverThread);
    quint16 port = 0;
    QMetaObject::invokeMethod(udp, &UdpBenchReceiver::start, Qt::BlockingQueuedConnection, &port);

    QTemporaryDir dir;
    ControlPanel::Options options;
    options.demoOnFirstStart = false;
    options.api = false;
    options.templatesPath = dir.filePath(QStringLiteral("templates.json"));
    ControlPanel panel(options);
    panel.start();

    const SessionConfig config = SessionConfig::fromJson(QJsonObject{
        {QStringLiteral("template"), QJsonValue::Null},
        {QStringLiteral("distributors"),
         QJsonObject{{QStringLiteral("udp"),
                      QJsonObject{{QStringLiteral("port"), 9999},
                                  {QStringLiteral("compress"), false},
                                  {QStringLiteral("queueSize"), 100000},
                                  {QStringLiteral("targets"),
                                   QJsonArray{QStringLiteral("127.0.0.1:%1").arg(port)}}}}}}});
    QFuture<Result<CreateSessionResult>> created =
        panel.engine().invoke([config](SessionManager &manager) {
            return manager.createSession(QStringLiteral("bench"), config);
        });
    while (!created.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    panel.window()->sessionsPanel()->setCurrentSession(QStringLiteral("bench"));
    // Show the live chart, the most expensive panel to keep current.
    if (auto *tabs = panel.window()->findChild<QTabWidget *>())
        tabs->setCurrentIndex(2);

    std::vector<double> lagsMs;
    QElapsedTimer sinceLast;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        if (sinceLast.isValid())
            lagsMs.push_back(std::max(0.0, double(sinceLast.nsecsElapsed()) / 1e6 - 5.0));
        sinceLast.restart();
    });

    LoadGenerator *load = nullptr;
    panel.engine()
        .invoke([&load, rate](SessionManager &manager) {
            load = new LoadGenerator(manager, QStringLiteral("bench"), rate);
        })
        .waitForFinished();
    probe.start();
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    const double elapsedS = double(run.elapsed()) / 1000.0;
    quint64 sent = 0;
    panel.engine()
        .invoke([&sent, load](SessionManager &) { sent = load->sent(); })
        .waitForFinished();

    std::sort(lagsMs.begin(), lagsMs.end());
    auto at = [&](double p) {
        return lagsMs.empty() ? 0.0 : lagsMs[size_t(p * double(lagsMs.size() - 1))];
    };
    QTextStream out(stdout);
    out << "| Measurement | Value |\n|---|---|\n";
    out << "| Target rate | " << rate << " events/s for " << seconds << " s |\n";
    out << "| Routed by the engine | " << qRound64(double(sent) / elapsedS) << " events/s |\n";
    out << "| Received by the UDP receiver | " << qRound64(double(udp->received()) / elapsedS)
        << " events/s |\n";
    out << "| GUI event-loop lag p50 | " << QString::number(at(0.5), 'f', 2) << " ms |\n";
    out << "| GUI event-loop lag p99 | " << QString::number(at(0.99), 'f', 2) << " ms |\n";
    out << "| GUI event-loop lag max | "
        << QString::number(lagsMs.empty() ? 0 : lagsMs.back(), 'f', 2) << " ms |\n";
    out << "| Platform | " << QGuiApplication::platformName() << " |\n";
    out.flush();

    receiverThread.quit();
    receiverThread.wait();
    return 0;
}
