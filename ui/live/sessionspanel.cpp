#include "sessionspanel.h"

#include "panelactions.h"
#include "sessionlistmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

SessionsPanel::SessionsPanel(SessionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_toolBar(new QToolBar(this)) {
    createActions();

    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsPanel::updateCurrent);
    connect(m_view, &QWidget::customContextMenuRequested, this, &SessionsPanel::showContextMenu);
    // Rows come and go with every snapshot; the current one may vanish without a click.
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SessionsPanel::updateCurrent);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->currentIndex().isValid() && m_model && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, SessionListModel::IdColumn));
        updateCurrent();
    });
    updateCurrent();
}

void SessionsPanel::createActions() {
    QStyle *style = this->style();
    m_createAction =
        PanelActions::make(this, style->standardIcon(QStyle::SP_FileIcon), tr("&New Session…"),
                           QKeySequence::New, tr("Create a session from a template"));
    m_openAction = PanelActions::make(this, style->standardIcon(QStyle::SP_DialogOpenButton),
                                      tr("&Open Session File…"), QKeySequence::Open,
                                      tr("Start a session from a session config file"));
    m_exportAction =
        PanelActions::make(this, style->standardIcon(QStyle::SP_DialogSaveButton),
                           tr("&Export Session…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                           tr("Save the selected session's configuration to a file"));
    m_closeAction = PanelActions::make(this, style->standardIcon(QStyle::SP_DialogCloseButton),
                                       tr("&Close Session"), QKeySequence(Qt::CTRL | Qt::Key_W),
                                       tr("Close the selected session and release its ports"));

    connect(m_createAction, &QAction::triggered, this, &SessionsPanel::createRequested);
    connect(m_openAction, &QAction::triggered, this, &SessionsPanel::openRequested);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (!m_currentId.isEmpty())
            emit exportRequested(m_currentId);
    });
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (!m_currentId.isEmpty())
            emit closeRequested(m_currentId);
    });

    m_toolBar->addAction(m_createAction);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_closeAction);
}

void SessionsPanel::setCurrentSession(const QString &sessionId) {
    const int row = m_model ? m_model->rowOf(sessionId) : -1;
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, SessionListModel::IdColumn));
    else
        m_view->setCurrentIndex({});
    updateCurrent();
}

void SessionsPanel::updateCurrent() {
    const QModelIndex current = m_view->currentIndex();
    const QString id = current.isValid() && m_model ? m_model->sessionId(current.row()) : QString();
    m_exportAction->setEnabled(!id.isEmpty());
    m_closeAction->setEnabled(!id.isEmpty());
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentSessionChanged(id);
}

void SessionsPanel::showContextMenu(const QPoint &position) {
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_createAction);
    menu->addAction(m_openAction);
    const QModelIndex clicked = m_view->indexAt(position);
    if (clicked.isValid()) {
        m_view->setCurrentIndex(clicked); // the menu acts on the row under the mouse
        menu->addSeparator();
        menu->addAction(m_exportAction);
        menu->addAction(m_closeAction);
    }
    menu->popup(m_view->viewport()->mapToGlobal(position));
}
