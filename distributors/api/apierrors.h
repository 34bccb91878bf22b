#pragma once

#include "apimessage.h"

#include <QString>

// Maps the engine's failure messages (SPEC §1.4, §2.3 texts, which name the problem exactly) to
// the API's status codes. The message itself becomes the `error` field unchanged.
namespace ApiErrors {

// `fallback` applies when the message is none of the known kinds.
ApiReply fromEngine(const QString &message, int fallback);

// "Invalid udp configuration: a; b" → {a, b}; other messages → {message}.
QStringList detailsOf(const QString &message);

ApiReply sessionNotFound(const QString &sessionId);
ApiReply unknownType(const QString &type);
ApiReply malformedBody(const QString &message);
ApiReply wrongShape(const QString &message, const QStringList &details = {});
// 422 for the options readers of the sources (SyntheticOptions, RecordingOptions), which join
// one message per broken rule with "; ": the whole text is the error, each rule one detail.
// A "Session … not found" from the engine stays 404.
ApiReply optionErrors(const QString &joined);

} // namespace ApiErrors
