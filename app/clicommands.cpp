#include "clicommands.h"

#include "configmanager.h"
#include "sessionconfigfile.h"

#include <QTextStream>

namespace CliCommands {

namespace {

int validate(const QStringList &files, QTextStream &out, QTextStream &err) {
    if (files.isEmpty()) {
        err << "validate: name at least one session config file\n";
        return SomeUnreadable;
    }
    int exitCode = AllValid;
    for (const QString &file : files) {
        const SessionConfigLoad load = SessionConfigFile::load(file);
        if (load.status == SessionConfigLoad::Status::Unreadable) {
            out << file << ": unreadable\n";
            for (const QString &error : load.errors)
                out << "  error: " << error << '\n';
            exitCode = SomeUnreadable;
            continue;
        }
        if (!load.ok()) {
            out << file << ": invalid\n";
            for (const QString &error : load.errors)
                out << "  error: " << error << '\n';
            exitCode = std::max<int>(exitCode, SomeInvalid);
            continue;
        }
        ConfigManager manager;
        const Result<SessionConfig> result = manager.createSessionConfig(load.config);
        out << file << (result ? ": valid\n" : ": invalid\n");
        if (!result) {
            out << "  error: " << result.error() << '\n';
            exitCode = std::max<int>(exitCode, SomeInvalid);
        }
        for (const QString &warning : result.warnings())
            out << "  warning: " << warning << '\n';
    }
    return exitCode;
}

int listTemplates(QTextStream &out) {
    ConfigManager manager;
    for (const QString &name : manager.listTemplates()) {
        const auto found = manager.getTemplate(name);
        out << qSetFieldWidth(16) << Qt::left << name << qSetFieldWidth(0) << found->description
            << "  [" << found->distributors.types().join(QStringLiteral(", ")) << "]\n";
    }
    return 0;
}

int printTemplate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    if (arguments.size() != 1) {
        err << "template: name exactly one template (see `labrelay templates`)\n";
        return 1;
    }
    ConfigManager manager;
    const auto found = manager.getTemplate(arguments.first());
    if (!found) {
        err << "Configuration template not found: " << arguments.first() << '\n';
        return 1;
    }
    SessionConfig config;
    config.templateName = found->name;
    config.distributors = found->distributors;
    config.enabledDistributors = found->distributors.types();
    QStringList omitted;
    out << SessionConfigFile::serialize(config, SessionConfigFile::Secrets::Omit, &omitted);
    for (const QString &key : std::as_const(omitted))
        err << "note: " << key << " left out (a secret); the template adds it when loaded\n";
    return 0;
}

} // namespace

bool isCommand(const QString &word) {
    return word == QLatin1String("validate") || word == QLatin1String("templates")
           || word == QLatin1String("template");
}

int run(const QString &command, const QStringList &arguments, QTextStream &out, QTextStream &err) {
    if (command == QLatin1String("validate"))
        return validate(arguments, out, err);
    if (command == QLatin1String("templates"))
        return listTemplates(out);
    if (command == QLatin1String("template"))
        return printTemplate(arguments, out, err);
    err << "unknown command: " << command << '\n';
    return 2;
}

} // namespace CliCommands
