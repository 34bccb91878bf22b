#pragma once

#include "configfield.h"

class QComboBox;
class QLineEdit;

// A field edited as one line of text. The loaded value comes back unchanged while its text is
// untouched, so a value of an unexpected kind in a file is not rewritten by merely viewing it.
class ScalarField : public ConfigField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScalarField)

public:
    QJsonValue value() const final;
    void setValue(const QJsonValue &value) final;

protected:
    ScalarField(const KeySpec &spec, QWidget *parent);
    // The JSON value of text that is neither empty nor the loaded text.
    virtual QJsonValue parse(const QString &text) const = 0;
    virtual QString text() const = 0;
    virtual void setText(const QString &text) = 0;

private:
    QJsonValue m_loaded;
    QString m_loadedText;
};

// Strings and URLs; secret keys are typed blind, with a button to show them.
class TextField final : public ScalarField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextField)

public:
    TextField(const KeySpec &spec, QWidget *parent);
    void setFallback(const QJsonValue &fallback) override;

protected:
    QJsonValue parse(const QString &text) const override;
    QString text() const override;
    void setText(const QString &text) override;

private:
    QLineEdit *m_edit;
};

// Integers as text: a number becomes a JSON number, anything else (a `${WS_PORT:-8080}`
// reference, or a mistake the validator then names) stays the text as written.
class IntegerField final : public ScalarField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegerField)

public:
    IntegerField(const KeySpec &spec, QWidget *parent);
    void setFallback(const QJsonValue &fallback) override;

protected:
    QJsonValue parse(const QString &text) const override;
    QString text() const override;
    void setText(const QString &text) override;

private:
    QLineEdit *m_edit;
};

// Booleans (default / true / false) and choices: an editable combo box whose empty entry means
// "default", and whose text also takes a `${VAR}` reference.
class ChoiceField final : public ScalarField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceField)

public:
    ChoiceField(const KeySpec &spec, QWidget *parent);
    void setFallback(const QJsonValue &fallback) override;

protected:
    QJsonValue parse(const QString &text) const override;
    QString text() const override;
    void setText(const QString &text) override;

private:
    QComboBox *m_combo;
};
