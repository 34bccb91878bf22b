#include "clicommands.h"

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
        "  template NAME      print a template as a session config file"));
    parser.addHelpOption();
    parser.addVersionOption();
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

    QCommandLineParser parser;
    describeCommands(parser);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && CliCommands::isCommand(positional.first()))
        return CliCommands::run(positional.first(), positional.mid(1), out, err);
    if (!positional.isEmpty()) {
        err << "unknown command: " << positional.first() << " (see --help)\n";
        return 2;
    }
    err << "The control panel is not built yet; see --help for the commands.\n";
    return 0;
}
