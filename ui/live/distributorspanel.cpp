#include "distributorspanel.h"

#include "distributortablemodel.h"
#include "panelactions.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

DistributorsPanel::DistributorsPanel(DistributorTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_toolBar(new QToolBar(this))
    , m_view(new QTableView(this)) {
    createActions();

    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DistributorTableModel::TargetColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);

    // The checkboxes ask through the model; the panel is the one place the window listens to.
    connect(model, &DistributorTableModel::enableRequested, this,
            &DistributorsPanel::enableRequested);
    connect(model, &DistributorTableModel::disableRequested, this,
            &DistributorsPanel::disableRequested);
    connect(model, &DistributorTableModel::probeToggled, this, &DistributorsPanel::probeToggled);
    connect(model, &QAbstractItemModel::dataChanged, this, &DistributorsPanel::updateActions);
    connect(model, &DistributorTableModel::sessionChanged, this, &DistributorsPanel::updateTitle);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DistributorsPanel::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &DistributorsPanel::showContextMenu);
    updateActions();
    updateTitle();
}

void DistributorsPanel::createActions() {
    QStyle *style = this->style();
    m_enableAction = PanelActions::make(this, style->standardIcon(QStyle::SP_MediaPlay),
                                        tr("&Enable"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                        tr("Start the selected distributor"));
    m_disableAction = PanelActions::make(this, style->standardIcon(QStyle::SP_MediaStop),
                                         tr("&Disable"), QKeySequence(Qt::CTRL | Qt::Key_D),
                                         tr("Stop the selected distributor and release its "
                                            "resources"));
    m_reconfigureAction = PanelActions::make(
        this, style->standardIcon(QStyle::SP_FileDialogDetailedView), tr("&Reconfigure…"),
        QKeySequence(Qt::CTRL | Qt::Key_R), tr("Change the selected distributor's settings live"));
    m_failoverAction = PanelActions::make(
        this, style->standardIcon(QStyle::SP_BrowserReload), tr("Switch to &Failover Now"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
        tr("Move the selected distributor to its next failover configuration"));

    const auto forward = [this](QAction *action,
                                void (DistributorsPanel::*signal)(const QString &)) {
        connect(action, &QAction::triggered, this, [this, signal] {
            const QString type = currentType();
            if (!type.isEmpty())
                emit(this->*signal)(type);
        });
    };
    forward(m_enableAction, &DistributorsPanel::enableRequested);
    forward(m_disableAction, &DistributorsPanel::disableRequested);
    forward(m_reconfigureAction, &DistributorsPanel::reconfigureRequested);
    forward(m_failoverAction, &DistributorsPanel::failoverRequested);

    m_toolBar->addAction(m_enableAction);
    m_toolBar->addAction(m_disableAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_reconfigureAction);
    m_toolBar->addAction(m_failoverAction);
}

QString DistributorsPanel::currentType() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() && m_model ? m_model->type(current.row()) : QString();
}

void DistributorsPanel::updateActions() {
    const QModelIndex current = m_view->currentIndex();
    const bool configured = current.data(DistributorTableModel::ConfiguredRole).toBool();
    const bool active = current.data(DistributorTableModel::ActiveRole).toBool();
    m_enableAction->setEnabled(configured && !active);
    m_disableAction->setEnabled(active);
    m_reconfigureAction->setEnabled(configured);
    m_failoverAction->setEnabled(
        current.data(DistributorTableModel::FailoverAvailableRole).toBool());
}

void DistributorsPanel::updateTitle() {
    const QString session = m_model ? m_model->sessionId() : QString();
    m_title->setText(session.isEmpty() ? tr("No session selected")
                                       : tr("Distributors of session %1").arg(session));
}

QMenu *DistributorsPanel::contextMenuFor(const QModelIndex &index) {
    if (index.isValid())
        m_view->setCurrentIndex(index); // the menu acts on the row under the mouse
    updateActions();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_enableAction);
    menu->addAction(m_disableAction);
    menu->addSeparator();
    menu->addAction(m_reconfigureAction);
    menu->addAction(m_failoverAction);
    return menu;
}

void DistributorsPanel::showContextMenu(const QPoint &position) {
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    contextMenuFor(index)->popup(m_view->viewport()->mapToGlobal(position));
}
