#pragma once

#include "configfield.h"

#include <QStringList>

class QLabel;
class QListWidget;
class QTableWidget;

// Headers, endpoints and topics: a small key/value table. Rows without a key are ignored; an
// empty table leaves the key absent, so the fallback (shown under the table) applies.
class StringMapField final : public ConfigField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StringMapField)

public:
    StringMapField(const KeySpec &spec, QWidget *parent);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    void setFallback(const QJsonValue &fallback) override;

    // Appends a row, for the Add button and for tests.
    void addEntry(const QString &key, const QString &text);

private:
    QList<std::pair<QString, QString>> rows() const;

    QTableWidget *m_table;
    QLabel *m_fallback;
    QJsonValue m_loaded;
    QList<std::pair<QString, QString>> m_loadedRows;
    bool m_filling = false;
};

// String lists (CORS origins) and UDP targets, one entry per line of a list. A target typed as
// host:port is written as {"host", "port"}; other text (a `${VAR}` reference, or a mistake the
// validator then names) is kept as written.
class StringListField final : public ConfigField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StringListField)

public:
    StringListField(const KeySpec &spec, QWidget *parent);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    void setFallback(const QJsonValue &fallback) override;

    void addEntry(const QString &text);

private:
    QStringList entries() const;
    QString entryText(const QJsonValue &value) const;
    QJsonValue entryValue(const QString &text) const;

    QListWidget *m_list;
    QLabel *m_fallback;
    QJsonValue m_loaded;
    QStringList m_loadedEntries;
    bool m_filling = false;
};
