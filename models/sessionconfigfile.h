#pragma once

#include "sessionconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// The outcome of reading a session config file (or an API body of the same shape).
struct SessionConfigLoad {
    enum class Status { Loaded, Unreadable, Invalid };

    Status status = Status::Invalid;
    SessionConfig config;
    // Each message names the source, and the line and column or the key path at fault.
    QStringList errors;

    bool ok() const { return status == Status::Loaded; }
};

// Session config files (SPEC decision 10): `*.labrelay.json` holding
// {"format": "labrelay-session", "version": 1, ...the options of createSessionConfig...}.
// A bare options object without "format" is accepted as well.
namespace SessionConfigFile {

inline const QString FormatName = QStringLiteral("labrelay-session");
inline const QString Suffix = QStringLiteral(".labrelay.json");
constexpr int FormatVersion = 1;
constexpr qint64 MaxFileSize = 8 * 1024 * 1024;

enum class Secrets { Omit, Include };

SessionConfigLoad load(const QString &path);
// Parses file contents; `source` is the name used in messages (a path, or "request body").
SessionConfigLoad parse(const QByteArray &text, const QString &source);

// The file text for `config`. With Secrets::Omit, literal passwords, tokens and Authorization
// headers are left out (their key paths are appended to `omitted`); `${VAR}` references stay.
QByteArray serialize(const SessionConfig &config, Secrets secrets, QStringList *omitted = nullptr);
// Writes atomically; on failure returns false and sets `error`.
bool save(const QString &path, const SessionConfig &config, Secrets secrets, QString *error,
          QStringList *omitted = nullptr);

// Removes literal secrets from a JSON object, recursively; `path` prefixes the reported keys.
QJsonObject withoutSecrets(const QJsonObject &object, const QString &path, QStringList *omitted);

} // namespace SessionConfigFile
