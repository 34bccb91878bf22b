#pragma once

#include <QDockWidget>
#include <QPointer>

class EventLogFilterModel;
class EventLogModel;
class QComboBox;
class QAction;
class QToolButton;
class QTableView;

// The one place an operator sees what went wrong or changed: state changes, errors, warnings
// (validation, failovers, reconnects), filterable by session and severity. New entries scroll
// into view only while the view is at the bottom, so reading older entries is not interrupted.
class EventLogDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogDock)

public:
    // The model is not owned; it must outlive the dock (e.g. both children of the main window).
    explicit EventLogDock(EventLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    EventLogFilterModel *filterModel() const { return m_filter; }
    QComboBox *sessionBox() const { return m_sessionBox; }
    QComboBox *severityBox() const { return m_severityBox; }
    QToolButton *clearButton() const { return m_clearButton; }
    QAction *clearAction() const { return m_clearAction; }

private:
    void resetSessions();
    void addSession(const QString &session);
    void applyFilters();

    QPointer<EventLogModel> m_model;
    EventLogFilterModel *m_filter;
    QComboBox *m_sessionBox;
    QComboBox *m_severityBox;
    QAction *m_clearAction;
    QToolButton *m_clearButton;
    QTableView *m_view;
    bool m_followTail = true;
};
