#pragma once

#include <QStringList>

class QTextStream;

// The command-line commands that need no window: validate, templates, template.
namespace CliCommands {

// Exit codes of `validate`.
enum ValidateExit { AllValid = 0, SomeInvalid = 1, SomeUnreadable = 2 };

bool isCommand(const QString &word);
// Runs `command` with its arguments, writing results to `out` and problems to `err`.
int run(const QString &command, const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace CliCommands
