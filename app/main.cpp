#include "clicommands.h"
#include "headlessoptions.h"
#include "headlessrunner.h"
#include "replaycommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void describeCommands(QCommandLineParser &parser) {
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "LabRelay routes live study events to HTTP, WebSocket, MQTT, UDP and SSE distributors.\n"
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
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "A command (see above)."),
                                 QStringLiteral("[command [arguments...]]"));
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("labrelay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LABRELAY_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("LabRelay"));

    // `replay` has options of its own, which the global parser would reject.
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("replay")) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return ReplayCommand::run(arguments.mid(2), out, err);
    }

    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
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
    if (!positional.isEmpty()) {
        err << "unknown command: " << positional.first() << " (see --help)\n";
        return 2;
    }
    err << "The control panel is not built yet; see --help for the commands.\n";
    return 0;
}
