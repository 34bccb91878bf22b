#include "jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace JsonUtil {

QJsonObject deepMerge(const QJsonObject &base, const QJsonObject &override) {
    QJsonObject merged = base;
    for (auto it = override.begin(); it != override.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            merged.remove(it.key());
        } else if (value.isObject() && merged.value(it.key()).isObject()) {
            merged.insert(it.key(), deepMerge(merged.value(it.key()).toObject(), value.toObject()));
        } else {
            merged.insert(it.key(), value);
        }
    }
    return merged;
}

namespace {

// A minimal forward scanner over JSON text that is already known to be valid.
class Scanner {
public:
    explicit Scanner(const QByteArray &text)
        : m_text(text) {}

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                break;
            ++m_pos;
        }
    }

    char peek() {
        skipSpace();
        return m_pos < m_text.size() ? m_text.at(m_pos) : '\0';
    }

    QString readString() {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
            if (m_text.at(m_pos) == '\\')
                ++m_pos;
            ++m_pos;
        }
        ++m_pos; // closing quote
        const QByteArray literal = m_text.mid(start, m_pos - start);
        const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']');
        return doc.array().at(0).toString();
    }

    void skipValue() {
        const char c = peek();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            while (peek() != close) {
                if (c == '{') {
                    readString();
                    peek();
                    ++m_pos; // colon
                }
                skipValue();
                if (peek() == ',')
                    ++m_pos;
            }
            ++m_pos;
        } else if (c == '"') {
            readString();
        } else {
            while (m_pos < m_text.size()) {
                const char d = m_text.at(m_pos);
                if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r'
                    || d == '\t')
                    break;
                ++m_pos;
            }
        }
    }

    // Positioned at an object: the text of the value of `key` (the last one, as QJsonDocument).
    QByteArray memberText(const QString &key) {
        if (peek() != '{')
            return {};
        ++m_pos;
        QByteArray found;
        while (peek() == '"') {
            const QString name = readString();
            peek();
            ++m_pos; // colon
            peek();
            const qsizetype valueStart = m_pos;
            skipValue();
            if (name == key)
                found = m_text.mid(valueStart, m_pos - valueStart);
            if (peek() == ',')
                ++m_pos;
        }
        return found;
    }

    // Positioned at an object: returns its keys, or those of the object at `path` below it.
    QStringList keysAt(const QStringList &path) {
        if (peek() != '{')
            return {};
        ++m_pos;
        QStringList keys;
        std::optional<QStringList> found;
        while (peek() == '"') {
            const QString key = readString();
            peek();
            ++m_pos; // colon
            if (!path.isEmpty() && key == path.first()) {
                // With duplicate keys QJsonDocument keeps the last one, so the last match wins.
                const qsizetype valueStart = m_pos;
                found = keysAt(path.mid(1));
                m_pos = valueStart;
            }
            skipValue();
            keys.removeAll(key);
            keys.append(key);
            if (peek() == ',')
                ++m_pos;
        }
        if (!path.isEmpty())
            return found.value_or(QStringList());
        return keys;
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

void writeValue(QByteArray &out, const QJsonValue &value, const KeyOrder &order, QStringList &path,
                int depth) {
    const QByteArray indent(4 * (depth + 1), ' ');
    const QByteArray closingIndent(4 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys = order ? order(path, object) : object.keys();
        out += "{\n";
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!object.contains(key))
                continue;
            if (!first)
                out += ",\n";
            first = false;
            out += indent + compact(QJsonValue(key)) + ": ";
            path.append(key);
            writeValue(out, object.value(key), order, path, depth + 1);
            path.removeLast();
        }
        out += '\n' + closingIndent + '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool scalarsOnly = true;
        for (const QJsonValue &item : array)
            scalarsOnly = scalarsOnly && !item.isObject() && !item.isArray();
        if (scalarsOnly) {
            out += compact(array);
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            writeValue(out, array.at(i), order, path, depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closingIndent + ']';
    } else {
        out += compact(value);
    }
}

} // namespace

QStringList keysInDocumentOrder(const QByteArray &json, const QStringList &path) {
    Scanner scanner(json);
    return scanner.keysAt(path);
}

QByteArray memberText(const QByteArray &json, const QString &key) {
    Scanner scanner(json);
    return scanner.memberText(key);
}

QByteArray writeIndented(const QJsonValue &value, const KeyOrder &order) {
    QByteArray out;
    QStringList path;
    writeValue(out, value, order, path, 0);
    out += '\n';
    return out;
}

QByteArray compact(const QJsonValue &value) {
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // Wrap scalars in an array and strip the brackets: QJsonDocument only writes containers.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

std::pair<int, int> lineAndColumn(const QByteArray &text, int offset) {
    int line = 1;
    int column = 1;
    const int end = std::min<int>(offset, text.size());
    for (int i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

QString kindName(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace JsonUtil
