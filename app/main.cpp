#include "clicommands.h"
#include "controlpanel.h"
#include "guioptions.h"
#include "headlessoptions.h"
#include "headlessrunner.h"
#include "mainwindow.h"
#include "replaycommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

namespace {

void describeCommands(QCommandLineParser &parser) {
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "LabRelay routes live study events to HTTP, WebSocket, MQTT, UDP and SSE distributors.\n"
        "Without a command it opens the control panel.\n"
        "\n"
        "Commands:\n"
        "  validate FILE...   check session config files (exit 0 valid, 1 invalid, 2 unreadable)\n"
        "  templates          list the configuration templates\n"
        "  template NAME      print a template as a session config file\n"
        "  replay FILE... --session ID [--speed X] [--api-url URL] [--api-token TOKEN]\n"
        "                     feed a recording to a running LabRelay through its API\n"
        "                     (exit 0 done, 1 API error, 2 unreadable file or bad arguments)\n"
        "\n"
        "Headless mode:\n"
        "  --headless --config FILE [--config FILE...] [API options]\n"
        "                     run the sessions without a window and serve the control API"));
    parser.addHelpOption();
    parser.addVersionOption();
    HeadlessOptions::declare(parser);
    GuiOptions::declare(parser);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "A command (see above)."),
                                 QStringLiteral("[command [arguments...]]"));
}

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("labrelay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LABRELAY_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("LabRelay"));
}

// Commands, --headless, --help and --version run without a display.
bool needsWindow(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--headless" || argument == "--help" || argument == "-h"
            || argument == "--version" || argument == "-v" || argument == "--help-all")
            return false;
        if (!argument.startsWith('-'))
            return !CliCommands::isCommand(QString::fromLocal8Bit(argument))
                   && argument != "replay";
    }
    return true;
}

int runWithoutWindow(QCoreApplication &app) {
    // `replay` has options of its own, which the global parser would reject.
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("replay"))
        return ReplayCommand::run(arguments.mid(2), out, err);

    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (HeadlessOptions::requested(parser)) {
        if (!positional.isEmpty()) {
            err << "--headless takes no command: " << positional.first() << " (see --help)\n";
            return 2;
        }
        const Result<HeadlessOptions> options = HeadlessOptions::read(parser);
        if (!options) {
            err << options.error() << '\n';
            return HeadlessRunner::Failure;
        }
        err.flush();
        HeadlessRunner runner(options.value());
        return runner.run();
    }
    if (!positional.isEmpty() && CliCommands::isCommand(positional.first()))
        return CliCommands::run(positional.first(), positional.mid(1), out, err);
    err << "unknown command: " << positional.value(0) << " (see --help)\n";
    return 2;
}

int runWindow(QApplication &app) {
    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "unknown command: " << parser.positionalArguments().first()
                            << " (see --help)\n";
        return 2;
    }
    const Result<GuiOptions> options = GuiOptions::read(parser);
    if (!options) {
        QTextStream(stderr) << options.error() << '\n';
        return 2;
    }
    options->installTranslations(app);
    ControlPanel panel(options->controlPanel);
    panel.start();
    if (!options->screenshotPath.isEmpty()) {
        const QString path = options->screenshotPath;
        if (auto *tabs = panel.window()->findChild<QTabWidget *>())
            tabs->setCurrentIndex(options->screenshotTab);
        QTimer::singleShot(options->screenshotDelayMs, &panel, [&panel, path] {
            if (!panel.window()->grab().save(path))
                QTextStream(stderr) << "cannot write " << path << '\n';
            QCoreApplication::quit();
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[]) {
    describeApplication();
    if (!needsWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        return runWithoutWindow(app);
    }
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/labrelay.svg")));
    return runWindow(app);
}
