#pragma once

#include "configmanager.h"

#include <QDialog>
#include <QStringList>

class DistributorOverrides;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Starts a session: a template, a session id, which distributors start enabled, and overrides
// through the distributor forms. As the operator edits, the options run through
// createSessionConfig; its exact error text and its warnings are shown, and Create stays
// disabled while anything is wrong or the id is empty or taken. The window then creates the
// session with sessionId() and sessionConfig().
class NewSessionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewSessionDialog)

public:
    // The manager is copied: validating as the operator types must not fill its cache.
    explicit NewSessionDialog(const ConfigManager &manager, QWidget *parent = nullptr);

    void setTakenIds(const QStringList &ids);
    void setTemplate(const QString &name);
    void setSessionId(const QString &id);

    QString sessionId() const;
    // The options for createSession: template, id, overrides, enabled distributors.
    SessionConfig sessionConfig() const;
    bool canCreate() const { return m_errors.isEmpty(); }
    const QStringList &errors() const { return m_errors; }
    const QStringList &warnings() const { return m_warnings; }
    DistributorOverrides *overrides() const { return m_overrides; }

    void accept() override;

private:
    void templateChosen();
    void revalidate();

    ConfigManager m_manager;
    QStringList m_takenIds;
    QStringList m_errors;
    QStringList m_warnings;
    QComboBox *m_template;
    QLineEdit *m_sessionId;
    DistributorOverrides *m_overrides;
    QLabel *m_errorLabel;
    QLabel *m_warningLabel;
    QPushButton *m_create;
};
