#pragma once

#include <QPointer>
#include <QWidget>

class DistributorTableModel;
class QAction;
class QLabel;
class QMenu;
class QTableView;
class QToolBar;

// The distributors of the selected session: a table whose checkboxes switch distributors and
// probes on and off, plus actions (toolbar, context menu, shortcuts) for enable, disable,
// reconfigure and failover. Every action is a request signal; the table shows the outcome when
// the engine's next snapshot arrives.
class DistributorsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributorsPanel)

public:
    // The model is not owned; it must outlive the panel (e.g. both children of the main window).
    explicit DistributorsPanel(DistributorTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // The type of the current row, empty when there is none.
    QString currentType() const;

    QAction *enableAction() const { return m_enableAction; }
    QAction *disableAction() const { return m_disableAction; }
    QAction *reconfigureAction() const { return m_reconfigureAction; }
    QAction *failoverAction() const { return m_failoverAction; }
    // Built for the row under the mouse; exposed so tests and the main window can reuse it.
    QMenu *contextMenuFor(const QModelIndex &index);

signals:
    void enableRequested(const QString &type);
    void disableRequested(const QString &type);
    void reconfigureRequested(const QString &type);
    void failoverRequested(const QString &type);
    void probeToggled(const QString &type, bool enabled);

private:
    void createActions();
    void updateActions();
    void updateTitle();
    void showContextMenu(const QPoint &position);

    QPointer<DistributorTableModel> m_model;
    QLabel *m_title;
    QToolBar *m_toolBar;
    QTableView *m_view;
    QAction *m_enableAction = nullptr;
    QAction *m_disableAction = nullptr;
    QAction *m_reconfigureAction = nullptr;
    QAction *m_failoverAction = nullptr;
};
