#pragma once

#include <QHash>
#include <QWidget>

class ConfigManager;
class EnvironmentModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

// getRuntimeInfo as a table (variable, state, used by, value masked for secrets), Reload
// environment, and variables set or unset for this run only: a value typed here lives in the
// ConfigManager's memory, is never written to disk and is shown masked. Each change is applied
// to the manager given here and announced, so the window can apply it to the engine's manager
// too. The manager must outlive the panel.
class EnvironmentPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentPanel)

public:
    explicit EnvironmentPanel(ConfigManager &manager, QWidget *parent = nullptr);

    EnvironmentModel *model() const { return m_model; }
    // Each returns an error message naming the rule, or an empty string on success.
    QString setVariable(const QString &name, const QString &value);
    QString unsetVariable(const QString &name);
    void reloadEnvironment();
    void refresh();

signals:
    void variableSet(const QString &name, const QString &value);
    void variableUnset(const QString &name);
    void environmentReloaded();

private:
    static QString nameError(const QString &name);
    void showMessage(const QString &text, bool error);

    ConfigManager &m_manager;
    QHash<QString, bool> m_runOverrides; // name → set (true) or unset (false) in this run
    EnvironmentModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QPushButton *m_set;
    QPushButton *m_unset;
    QPushButton *m_reload;
    QLabel *m_message;
};
