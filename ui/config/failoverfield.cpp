#include "failoverfield.h"

#include "distributorform.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

FailoverField::FailoverField(const KeySpec &spec, DistributorType type, QWidget *parent)
    : ConfigField(spec, parent)
    , m_list(new QListWidget(this))
    , m_form(new DistributorForm(type, DistributorForm::Scope::FailoverAlternative, this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this)) {
    auto *add = new QPushButton(tr("Add alternative"), this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_form);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);

    connect(add, &QPushButton::clicked, this, &FailoverField::addAlternative);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_alternatives.removeAt(row);
        refreshList();
        selectAlternative(std::min(row, int(m_alternatives.size()) - 1));
        emit edited();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &FailoverField::selectAlternative);
    connect(m_form, &DistributorForm::edited, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_alternatives[row] = m_form->config();
        m_list->item(row)->setText(summary(row));
        emit edited();
    });
    refreshList();
    selectAlternative(-1);
}

QJsonValue FailoverField::value() const {
    if (m_alternatives.isEmpty())
        return QJsonValue::Undefined;
    QJsonArray array;
    for (const QJsonObject &alternative : m_alternatives)
        array.append(alternative);
    return array;
}

void FailoverField::setValue(const QJsonValue &value) {
    m_alternatives.clear();
    for (const QJsonValue &alternative : value.toArray())
        m_alternatives.append(alternative.toObject());
    refreshList();
    selectAlternative(m_alternatives.isEmpty() ? -1 : 0);
}

void FailoverField::setPrimary(const QJsonObject &primary) {
    m_primary = primary;
    m_primary.remove(spec().key);
    m_form->setBaseConfig(m_primary);
}

void FailoverField::addAlternative() {
    m_alternatives.append(QJsonObject());
    refreshList();
    selectAlternative(int(m_alternatives.size()) - 1);
    emit edited();
}

void FailoverField::selectAlternative(int index) {
    const bool valid = index >= 0 && index < m_alternatives.size();
    if (m_list->currentRow() != index) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(valid ? index : -1);
    }
    m_form->setEnabled(valid);
    m_form->setConfig(valid ? m_alternatives.at(index) : QJsonObject());
    m_remove->setEnabled(valid);
    m_up->setEnabled(valid && index > 0);
    m_down->setEnabled(valid && index + 1 < m_alternatives.size());
}

void FailoverField::refreshList() {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int i = 0; i < m_alternatives.size(); ++i)
        m_list->addItem(summary(i));
}

void FailoverField::move(int delta) {
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_alternatives.size())
        return;
    m_alternatives.swapItemsAt(row, target);
    refreshList();
    selectAlternative(target);
    emit edited();
}

QString FailoverField::summary(int index) const {
    const QJsonObject alternative = m_alternatives.at(index);
    if (alternative.isEmpty())
        return tr("%1. same as the primary configuration").arg(index + 1);
    QStringList changes;
    for (auto it = alternative.begin(); it != alternative.end(); ++it) {
        const KeySpec *keySpec = ConfigSchema::find(m_form->type(), it.key());
        const bool secret = keySpec && keySpec->secret;
        changes.append(it.key() + QLatin1Char('=')
                       + (secret ? QStringLiteral("****") : displayText(it.value())));
    }
    return tr("%1. %2").arg(index + 1).arg(changes.join(QStringLiteral(", ")));
}
