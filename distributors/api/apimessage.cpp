#include "apimessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QByteArray ApiRequest::mediaType() const {
    const QByteArray value = header("content-type");
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

ApiReply ApiReply::json(int status, const QJsonValue &value) {
    ApiReply reply;
    reply.status = status;
    reply.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

ApiReply ApiReply::error(int status, const QString &message, const QStringList &details) {
    return json(status,
                QJsonObject{{QStringLiteral("error"), message},
                            {QStringLiteral("details"), QJsonArray::fromStringList(details)}});
}
