#include "jsontext.h"

#include "jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace JsonText {

std::optional<QJsonValue> parse(const QByteArray &text, SyntaxError *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    // Wrapped in brackets, a bare scalar becomes a one-element array.
    const QJsonDocument wrapped = QJsonDocument::fromJson(QByteArray('[' + text + ']'));
    if (wrapped.isArray() && wrapped.array().size() == 1)
        return wrapped.array().first();
    if (error) {
        const auto [line, column] = JsonUtil::lineAndColumn(text, parseError.offset);
        *error = {line, column, parseError.errorString()};
    }
    return std::nullopt;
}

QString describe(const QString &where, const SyntaxError &error) {
    return QStringLiteral("%1:%2:%3: not valid JSON: %4")
        .arg(where)
        .arg(error.line)
        .arg(error.column)
        .arg(error.reason);
}

} // namespace JsonText
