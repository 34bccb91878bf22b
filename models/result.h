#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// The outcome of an operation that can fail with a message a person reads: a value (and any
// warnings) or an error. Used instead of exceptions so results cross the event loop as values.
template<typename T>
class Result {
public:
    static Result success(T value, QStringList warnings = {}) {
        Result r;
        r.m_value = std::move(value);
        r.m_warnings = std::move(warnings);
        return r;
    }
    static Result failure(QString error, QStringList warnings = {}) {
        Result r;
        r.m_error = std::move(error);
        r.m_warnings = std::move(warnings);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }
    const QStringList &warnings() const { return m_warnings; }

private:
    std::optional<T> m_value;
    QString m_error;
    QStringList m_warnings;
};
