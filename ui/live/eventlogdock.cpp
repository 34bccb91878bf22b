#include "eventlogdock.h"

#include "eventlogfiltermodel.h"
#include "eventlogmodel.h"
#include "panelactions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

EventLogDock::EventLogDock(EventLogModel *model, QWidget *parent)
    : QDockWidget(tr("Event Log"), parent)
    , m_model(model)
    , m_filter(new EventLogFilterModel(this))
    , m_sessionBox(new QComboBox(this))
    , m_severityBox(new QComboBox(this))
    , m_clearAction(PanelActions::make(this, style()->standardIcon(QStyle::SP_DialogResetButton),
                                       tr("C&lear"), QKeySequence(Qt::CTRL | Qt::Key_L),
                                       tr("Remove every entry from the log")))
    , m_clearButton(new QToolButton(this))
    , m_view(new QTableView(this)) {
    setObjectName(QStringLiteral("eventLogDock")); // for QMainWindow::saveState
    m_filter->setSourceModel(model);

    m_sessionBox->setToolTip(tr("Show the entries of one session, or of all"));
    m_sessionBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severityBox->setToolTip(tr("Show entries of this severity and worse"));
    m_severityBox->addItem(tr("All severities"), int(LogEntry::Severity::Info));
    m_severityBox->addItem(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                           tr("Warnings and errors"), int(LogEntry::Severity::Warning));
    m_severityBox->addItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), tr("Errors only"),
                           int(LogEntry::Severity::Error));
    m_clearButton->setDefaultAction(m_clearAction);
    m_clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    resetSessions();

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *content = new QWidget(this);
    auto *filters = new QHBoxLayout;
    auto *sessionLabel = new QLabel(tr("Sess&ion:"), content);
    sessionLabel->setBuddy(m_sessionBox);
    auto *severityLabel = new QLabel(tr("Severit&y:"), content);
    severityLabel->setBuddy(m_severityBox);
    filters->addWidget(sessionLabel);
    filters->addWidget(m_sessionBox);
    filters->addWidget(severityLabel);
    filters->addWidget(m_severityBox);
    filters->addStretch();
    filters->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_sessionBox, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_severityBox, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_clearAction, &QAction::triggered, model, &EventLogModel::clear);
    connect(model, &EventLogModel::sessionAdded, this, &EventLogDock::addSession);
    connect(model, &EventLogModel::cleared, this, &EventLogDock::resetSessions);

    // Follow the newest entries only if the operator was already looking at them.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_followTail = bar->value() == bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });
}

void EventLogDock::resetSessions() {
    const QString selected = m_sessionBox->currentData().toString();
    m_sessionBox->clear();
    m_sessionBox->addItem(tr("All sessions"), QString());
    if (m_model) {
        for (const QString &session : m_model->sessions())
            addSession(session);
    }
    // A session filter chosen before a clear stays chosen: its entries may come back.
    if (!selected.isEmpty()) {
        addSession(selected);
        m_sessionBox->setCurrentIndex(m_sessionBox->findData(selected));
    }
}

void EventLogDock::addSession(const QString &session) {
    if (m_sessionBox->findData(session) < 0)
        m_sessionBox->addItem(session, session);
}

void EventLogDock::applyFilters() {
    m_filter->setSessionFilter(m_sessionBox->currentData().toString());
    m_filter->setMinimumSeverity(LogEntry::Severity(m_severityBox->currentData().toInt()));
}
