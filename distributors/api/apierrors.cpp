#include "apierrors.h"

namespace ApiErrors {

QStringList detailsOf(const QString &message) {
    static const QString invalid = QStringLiteral("Invalid ");
    const qsizetype colon = message.indexOf(QStringLiteral(": "));
    if (message.startsWith(invalid) && colon > 0)
        return message.mid(colon + 2).split(QStringLiteral("; "), Qt::SkipEmptyParts);
    return {message};
}

ApiReply fromEngine(const QString &message, int fallback) {
    int status = fallback;
    if (message.startsWith(QLatin1String("Session "))
        && message.endsWith(QLatin1String(" not found")))
        status = HttpStatus::NotFound;
    else if (message.startsWith(QLatin1String("Unknown distributor type: ")))
        status = HttpStatus::NotFound;
    else if (message.endsWith(QLatin1String(" already exists"))
             || message.contains(QLatin1String(" already in use by ")))
        status = HttpStatus::Conflict;
    else if (message.startsWith(QLatin1String("Invalid "))
             || message.startsWith(QLatin1String("Configuration template not found: ")))
        status = HttpStatus::BadRequest;
    else if (message.startsWith(QLatin1String("Failed to connect "))
             || message.startsWith(QLatin1String("Reconfigure of ")))
        status = HttpStatus::BadGateway;
    return ApiReply::error(status, message, detailsOf(message));
}

ApiReply sessionNotFound(const QString &sessionId) {
    return ApiReply::error(HttpStatus::NotFound,
                           QStringLiteral("Session %1 not found").arg(sessionId));
}

ApiReply unknownType(const QString &type) {
    return ApiReply::error(HttpStatus::NotFound,
                           QStringLiteral("Unknown distributor type: %1").arg(type));
}

ApiReply malformedBody(const QString &message) {
    return ApiReply::error(HttpStatus::BadRequest, message, {message});
}

ApiReply wrongShape(const QString &message, const QStringList &details) {
    return ApiReply::error(HttpStatus::UnprocessableEntity, message,
                           details.isEmpty() ? QStringList{message} : details);
}

ApiReply optionErrors(const QString &joined) {
    const ApiReply engine = fromEngine(joined, HttpStatus::UnprocessableEntity);
    if (engine.status != HttpStatus::UnprocessableEntity)
        return engine;
    return wrongShape(joined, joined.split(QStringLiteral("; "), Qt::SkipEmptyParts));
}

} // namespace ApiErrors
