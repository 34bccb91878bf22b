#pragma once

#include "distributorform.h"
#include "validationresult.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class ConfigManager;
class QLabel;
class QPushButton;
class QScrollArea;

// Edits the configuration of one distributor of a running session: the type's form, the
// ConfigManager's validation messages as the operator types, Apply and Revert. Apply does not
// touch the engine; it asks the window to (applyRequested), which then reports back with
// applyFinished(). The ConfigManager must outlive the editor.
class DistributorEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributorEditor)

public:
    explicit DistributorEditor(const ConfigManager &manager, QWidget *parent = nullptr);

    // Shows `config` (the distributor's configured keys) for `type`; Revert comes back to it.
    void load(const QString &type, const QJsonObject &config);
    QString type() const { return m_type; }
    QJsonObject loadedConfig() const { return m_loaded; }
    // The form's config: the keys the operator set, nothing filled in from defaults.
    QJsonObject config() const;
    const ValidationResult &validation() const { return m_validation; }
    bool isModified() const;
    bool canApply() const;
    DistributorForm *form() const { return m_form; }

    void apply();
    void revert();
    // The engine's answer to the last applyRequested: an empty error means it took the config.
    void applyFinished(const QString &error);

signals:
    // `patch` is a merge patch onto loadedConfig(): the changed keys, null for cleared ones.
    // ReconfigureMode::Merge of it yields exactly config().
    void applyRequested(const QString &type, const QJsonObject &patch);

private:
    void revalidate();

    const ConfigManager &m_manager;
    QString m_type;
    QJsonObject m_loaded;
    ValidationResult m_validation;
    QLabel *m_title;
    QScrollArea *m_scroll;
    QPointer<DistributorForm> m_form; // owned by the scroll area, replaced per type
    QLabel *m_errors;
    QLabel *m_warnings;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_revert;
};
