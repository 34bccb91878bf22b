#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>

namespace JsonWriter {

namespace {

// Escapes `text` as UTF-8; the general path for strings with escapes or non-ASCII characters.
void appendEscaped(QByteArray &out, QStringView text) {
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            if (u < 0x20) {
                const char escape[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
                out.append(escape, 6);
            } else {
                out.append(c);
            }
        }
    }
}

} // namespace

void appendString(QByteArray &out, QStringView text) {
    // Event names, keys and most values are plain ASCII: copy them in one pass into space
    // reserved up front, and fall back to escaping only when a character needs it.
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *p = out.data() + start;
    *p++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x80 || u == u'"' || u == u'\\') {
            out.resize(start + 1);
            appendEscaped(out, text);
            out.append('"');
            return;
        }
        *p++ = char(u);
    }
    *p = '"';
}

void appendInteger(QByteArray &out, qint64 value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendUnsigned(QByteArray &out, quint64 value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendDouble(QByteArray &out, double value) {
    if (!std::isfinite(value)) {
        out.append("null", 4);
        return;
    }
    // Whole numbers that a double holds exactly are written without a fraction, like Qt does.
    constexpr double exactLimit = 9007199254740992.0; // 2^53
    if (value == std::floor(value) && std::fabs(value) <= exactLimit) {
        appendInteger(out, qint64(value));
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendValue(QByteArray &out, const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        return;
    case QJsonValue::Bool:
        value.toBool() ? out.append("true", 4) : out.append("false", 5);
        return;
    case QJsonValue::Double:
        appendDouble(out, value.toDouble());
        return;
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue &item : array) {
            if (!first)
                out.append(',');
            first = false;
            appendValue(out, item);
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object: {
        out.append('{');
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendString(out, it.key());
            out.append(':');
            appendValue(out, it.value());
        }
        out.append('}');
        return;
    }
    }
}

} // namespace JsonWriter
