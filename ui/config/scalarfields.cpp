#include "scalarfields.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace {

QHBoxLayout *tightLayout(QWidget *owner) {
    auto *layout = new QHBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

} // namespace

ScalarField::ScalarField(const KeySpec &spec, QWidget *parent)
    : ConfigField(spec, parent) {}

QJsonValue ScalarField::value() const {
    const QString current = text();
    if (current.isEmpty())
        return QJsonValue::Undefined;
    if (!m_loaded.isUndefined() && current == m_loadedText)
        return m_loaded;
    return parse(current);
}

void ScalarField::setValue(const QJsonValue &value) {
    m_loaded = value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
    m_loadedText = displayText(m_loaded);
    setText(m_loadedText);
}

TextField::TextField(const KeySpec &spec, QWidget *parent)
    : ScalarField(spec, parent)
    , m_edit(new QLineEdit(this)) {
    auto *layout = tightLayout(this);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &ConfigField::edited);
    if (spec.secret) {
        m_edit->setEchoMode(QLineEdit::Password);
        auto *show = new QToolButton(this);
        show->setText(tr("Show"));
        show->setCheckable(true);
        show->setToolTip(tr("Show the value while the button is down"));
        layout->addWidget(show);
        connect(show, &QToolButton::toggled, m_edit, [edit = m_edit](bool shown) {
            edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        });
    }
    setFallback(QJsonValue::Undefined);
}

void TextField::setFallback(const QJsonValue &fallback) {
    m_edit->setPlaceholderText(placeholderFor(fallback));
}

QJsonValue TextField::parse(const QString &text) const {
    return text;
}

QString TextField::text() const {
    return m_edit->text();
}

void TextField::setText(const QString &text) {
    m_edit->setText(text);
}

IntegerField::IntegerField(const KeySpec &spec, QWidget *parent)
    : ScalarField(spec, parent)
    , m_edit(new QLineEdit(this)) {
    tightLayout(this)->addWidget(m_edit);
    setFocusProxy(m_edit);
    m_edit->setToolTip(toolTip() + QLatin1Char('\n')
                       + tr("An integer from %1 to %2, or a ${VARIABLE} reference")
                             .arg(spec.minimum)
                             .arg(spec.maximum));
    connect(m_edit, &QLineEdit::textEdited, this, &ConfigField::edited);
    setFallback(QJsonValue::Undefined);
}

void IntegerField::setFallback(const QJsonValue &fallback) {
    m_edit->setPlaceholderText(placeholderFor(fallback));
}

QJsonValue IntegerField::parse(const QString &text) const {
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    return ok ? QJsonValue(number) : QJsonValue(text);
}

QString IntegerField::text() const {
    return m_edit->text();
}

void IntegerField::setText(const QString &text) {
    m_edit->setText(text);
}

ChoiceField::ChoiceField(const KeySpec &spec, QWidget *parent)
    : ScalarField(spec, parent)
    , m_combo(new QComboBox(this)) {
    tightLayout(this)->addWidget(m_combo);
    setFocusProxy(m_combo);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->addItem(QString());
    if (spec.kind == KeySpec::Kind::Boolean)
        m_combo->addItems({QStringLiteral("true"), QStringLiteral("false")});
    else
        m_combo->addItems(spec.choices);
    // Both are the operator's doing only; setValue() changes the text without an edit.
    connect(m_combo, &QComboBox::activated, this, &ConfigField::edited);
    connect(m_combo->lineEdit(), &QLineEdit::textEdited, this, &ConfigField::edited);
    setFallback(QJsonValue::Undefined);
}

void ChoiceField::setFallback(const QJsonValue &fallback) {
    m_combo->lineEdit()->setPlaceholderText(placeholderFor(fallback));
}

QJsonValue ChoiceField::parse(const QString &text) const {
    if (spec().kind == KeySpec::Kind::Boolean) {
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
    }
    return text;
}

QString ChoiceField::text() const {
    return m_combo->currentText();
}

void ChoiceField::setText(const QString &text) {
    const int index = m_combo->findText(text);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
    m_combo->setEditText(text);
}
