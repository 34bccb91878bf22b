#pragma once

#include "eventrouting.h"
#include "routingapplyreport.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTableView;
class QToolBar;
class QTreeWidget;
class RoutingTableModel;

// The routing editor: the table (events × distributor types), add/rename/remove, the unrouted
// policy, undo/redo, and Apply. Edits stay in the model until Apply sends the whole table with
// applyRequested; the engine's answer comes back through showApplyReport.
class RoutingPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingPanel)

public:
    // The model is not owned; it must outlive the panel (e.g. both children of the main window).
    explicit RoutingPanel(RoutingTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QComboBox *policyBox() const { return m_policyBox; }
    // The last refusal or report summary shown to the operator.
    QString statusText() const;
    QTreeWidget *reportView() const { return m_report; }

    QAction *addEventAction() const { return m_addAction; }
    QAction *renameEventAction() const { return m_renameAction; }
    QAction *removeEventAction() const { return m_removeAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *applyAction() const { return m_applyAction; }

public slots:
    void showApplyReport(const RoutingApplyReport &report);

signals:
    void applyRequested(const EventRouting &routing, UnroutedPolicy policy);

private:
    void createActions();
    void addEvent();
    void renameCurrent();
    void removeCurrent();
    void showRefusal(const QString &message);
    void showPolicy(UnroutedPolicy policy);
    void updateActions();

    QPointer<RoutingTableModel> m_model;
    QToolBar *m_toolBar;
    QComboBox *m_policyBox;
    QTableView *m_view;
    QLabel *m_status;
    QLabel *m_pending;
    QTreeWidget *m_report;
    QAction *m_addAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_applyAction = nullptr;
};
