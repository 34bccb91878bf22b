#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QTableView;
class QToolBar;
class SessionListModel;

// The list of running sessions with the actions that act on them. The panel only asks: the main
// window turns createRequested/openRequested/... into dialogs, files and engine calls.
class SessionsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsPanel)

public:
    // The model is not owned; it must outlive the panel (e.g. both children of the main window).
    explicit SessionsPanel(SessionListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString currentSessionId() const { return m_currentId; }
    void setCurrentSession(const QString &sessionId);

    QAction *createAction() const { return m_createAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *closeAction() const { return m_closeAction; }

signals:
    void createRequested();
    void openRequested();
    void exportRequested(const QString &sessionId);
    void closeRequested(const QString &sessionId);
    void currentSessionChanged(const QString &sessionId);

private:
    void createActions();
    void updateCurrent();
    void showContextMenu(const QPoint &position);

    QPointer<SessionListModel> m_model;
    QTableView *m_view;
    QToolBar *m_toolBar;
    QAction *m_createAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_closeAction = nullptr;
    QString m_currentId;
};
