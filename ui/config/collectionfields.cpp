#include "collectionfields.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// The list or table on the left, Add and Remove stacked on the right, the fallback below.
QVBoxLayout *buttonColumn(QWidget *owner, QWidget *view, QLabel *fallback, QPushButton *add,
                          QPushButton *remove) {
    auto *grid = new QGridLayout(owner);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    grid->addWidget(view, 0, 0);
    grid->addLayout(buttons, 0, 1);
    grid->addWidget(fallback, 1, 0, 1, 2);
    fallback->setWordWrap(true);
    fallback->setEnabled(false); // greyed, like a placeholder
    return buttons;
}

QString fallbackText(const ConfigField &field, const QJsonValue &fallback, const QString &shown) {
    if (shown.isEmpty())
        return field.placeholderFor(fallback);
    return fallback.isUndefined() ? ConfigField::tr("default: %1").arg(shown)
                                  : ConfigField::tr("inherited: %1").arg(shown);
}

} // namespace

StringMapField::StringMapField(const KeySpec &spec, QWidget *parent)
    : ConfigField(spec, parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_fallback(new QLabel(this)) {
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMaximumHeight(m_table->verticalHeader()->defaultSectionSize() * 5);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    buttonColumn(this, m_table, m_fallback, add, remove);
    connect(add, &QPushButton::clicked, this, [this] {
        addEntry(QString(), QString());
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        emit edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    setFallback(QJsonValue::Undefined);
}

QJsonValue StringMapField::value() const {
    const auto current = rows();
    if (current.isEmpty())
        return QJsonValue::Undefined;
    if (current == m_loadedRows)
        return m_loaded;
    QJsonObject object;
    for (const auto &[key, text] : current)
        object.insert(key, text);
    return object;
}

void StringMapField::setValue(const QJsonValue &value) {
    m_filling = true;
    m_table->setRowCount(0);
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        addEntry(it.key(), displayText(it.value()));
    m_filling = false;
    m_loaded = value.isObject() ? value : QJsonValue(QJsonValue::Undefined);
    m_loadedRows = rows();
}

void StringMapField::setFallback(const QJsonValue &fallback) {
    const QJsonValue shown = fallback.isUndefined() ? spec().defaultValue : fallback;
    QStringList pairs;
    const QJsonObject object = shown.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        pairs.append(it.key() + QLatin1Char('=') + displayText(it.value()));
    m_fallback->setText(fallbackText(*this, fallback, pairs.join(QStringLiteral(", "))));
}

void StringMapField::addEntry(const QString &key, const QString &text) {
    const bool wasFilling = m_filling;
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(text));
    m_filling = wasFilling;
    if (!m_filling && !key.isEmpty())
        emit edited();
}

QList<std::pair<QString, QString>> StringMapField::rows() const {
    QList<std::pair<QString, QString>> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, 0);
        const QTableWidgetItem *text = m_table->item(row, 1);
        if (key && !key->text().trimmed().isEmpty())
            result.append({key->text().trimmed(), text ? text->text() : QString()});
    }
    return result;
}

StringListField::StringListField(const KeySpec &spec, QWidget *parent)
    : ConfigField(spec, parent)
    , m_list(new QListWidget(this))
    , m_fallback(new QLabel(this)) {
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    buttonColumn(this, m_list, m_fallback, add, remove);
    connect(add, &QPushButton::clicked, this, [this] {
        addEntry(QString());
        m_list->editItem(m_list->item(m_list->count() - 1));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_list->currentItem();
        emit edited();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    setFallback(QJsonValue::Undefined);
}

QJsonValue StringListField::value() const {
    const QStringList current = entries();
    if (current.isEmpty())
        return QJsonValue::Undefined;
    if (current == m_loadedEntries)
        return m_loaded;
    QJsonArray array;
    for (const QString &text : current)
        array.append(entryValue(text));
    return array;
}

void StringListField::setValue(const QJsonValue &value) {
    m_filling = true;
    m_list->clear();
    for (const QJsonValue &entry : value.toArray())
        addEntry(entryText(entry));
    m_filling = false;
    m_loaded = value.isArray() ? value : QJsonValue(QJsonValue::Undefined);
    m_loadedEntries = entries();
}

void StringListField::setFallback(const QJsonValue &fallback) {
    const QJsonValue shown = fallback.isUndefined() ? spec().defaultValue : fallback;
    QStringList texts;
    for (const QJsonValue &entry : shown.toArray())
        texts.append(entryText(entry));
    m_fallback->setText(fallbackText(*this, fallback, texts.join(QStringLiteral(", "))));
}

void StringListField::addEntry(const QString &text) {
    auto *item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    const bool wasFilling = m_filling;
    m_filling = true;
    m_list->addItem(item);
    m_filling = wasFilling;
    if (!m_filling && !text.isEmpty())
        emit edited();
}

QStringList StringListField::entries() const {
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString text = m_list->item(row)->text().trimmed();
        if (!text.isEmpty())
            result.append(text);
    }
    return result;
}

QString StringListField::entryText(const QJsonValue &value) const {
    if (spec().kind == KeySpec::Kind::Targets && value.isObject()) {
        const QJsonObject target = value.toObject();
        return displayText(target.value(QStringLiteral("host"))) + QLatin1Char(':')
               + displayText(target.value(QStringLiteral("port")));
    }
    return displayText(value);
}

QJsonValue StringListField::entryValue(const QString &text) const {
    if (spec().kind != KeySpec::Kind::Targets)
        return text;
    static const QRegularExpression hostPort(
        QStringLiteral("^([^\\s:]+|\\[[^\\]]+\\]):(\\d{1,5})$"));
    const QRegularExpressionMatch match = hostPort.match(text);
    if (!match.hasMatch())
        return text;
    return QJsonObject{{QStringLiteral("host"), match.captured(1)},
                       {QStringLiteral("port"), match.captured(2).toInt()}};
}
