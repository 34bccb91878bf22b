#include "jsonwriter.h"

#include <charconv>

namespace JsonWriter {

void appendString(QByteArray &out, QStringView text) {
    static const char hex[] = "0123456789abcdef";
    out.reserve(out.size() + text.size() + 2);
    out.append('"');
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
    out.append('"');
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

} // namespace JsonWriter
