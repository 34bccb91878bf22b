#pragma once

#include <QStringList>
#include <QWidget>

class ConfigManager;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class TemplateListModel;
class TemplateStore;

// Built-in and custom templates: a list, and the selected template as session-config-file JSON
// (read-only for built-ins). Clone copies any template to a new custom one, Edit changes a
// custom one as JSON validated by the ConfigManager, Delete removes a custom one after asking.
// Changes go to the TemplateStore (on disk) and the ConfigManager, then templatesChanged() lets
// the window hand them to the engine. The manager and the store must outlive the panel.
class TemplatesPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesPanel)

public:
    TemplatesPanel(ConfigManager &manager, TemplateStore &store, QWidget *parent = nullptr);

    TemplateListModel *model() const { return m_model; }
    QString selectedName() const;
    void select(const QString &name);
    // Shows problems found while loading the store (the window loads it at start).
    void showProblems(const QStringList &problems);
    // Re-reads the manager's templates into the list.
    void refresh();

    // What the buttons do once the operator has answered; each returns an error message, or an
    // empty string on success.
    QString cloneTemplate(const QString &source, const QString &newName);
    QString saveTemplate(const QString &name, const QString &description, const QString &json);
    QString deleteTemplate(const QString &name);

    bool isEditing() const { return m_editing; }
    void startEditing();
    void cancelEditing();
    bool canSave() const;

signals:
    void templatesChanged();

private:
    void showSelected();
    void askCloneName();
    void confirmDelete();
    void checkEditedText();
    void saveEdits();
    void showMessage(const QString &text, bool error);
    void updateButtons();

    ConfigManager &m_manager;
    TemplateStore &m_store;
    TemplateListModel *m_model;
    QTableView *m_view;
    QLineEdit *m_description;
    QPlainTextEdit *m_json;
    QLabel *m_messages;
    QPushButton *m_clone;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_save;
    QPushButton *m_cancel;
    bool m_editing = false;
    bool m_editValid = false;
    QString m_originalJson; // what Edit started from: Save needs a change
    QString m_originalDescription;
};
