#include "routingpanel.h"

#include "panelactions.h"
#include "routingtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

RoutingPanel::RoutingPanel(RoutingTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_toolBar(new QToolBar(this))
    , m_policyBox(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_pending(new QLabel(tr("Changes not applied yet"), this))
    , m_report(new QTreeWidget(this)) {
    createActions();

    m_policyBox->addItem(tr("Broadcast to every enabled distributor"),
                         int(UnroutedPolicy::Broadcast));
    m_policyBox->addItem(tr("Drop (counted)"), int(UnroutedPolicy::Drop));
    m_policyBox->setToolTip(tr("What happens to an event that has neither its own row nor a "
                               "\"*\" route"));
    auto *policyLabel = new QLabel(tr("&Unrouted events:"), this);
    policyLabel->setBuddy(m_policyBox);

    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RoutingTableModel::EventColumn,
                                                     QHeaderView::Stretch);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pending->setVisible(false);
    m_report->setHeaderLabels({tr("Event"), tr("Distributor"), tr("Result")});
    m_report->headerItem()->setToolTip(0, tr("The event name of the route"));
    m_report->headerItem()->setToolTip(1, tr("The distributor type the route names"));
    m_report->headerItem()->setToolTip(
        2, tr("Accepted routes deliver now; skipped ones are kept and deliver once their "
              "distributor is enabled"));
    m_report->setRootIsDecorated(false);
    m_report->setVisible(false);

    auto *policyRow = new QHBoxLayout;
    policyRow->addWidget(policyLabel);
    policyRow->addWidget(m_policyBox, 1);
    policyRow->addWidget(m_pending);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addLayout(policyRow);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_status);
    layout->addWidget(m_report, 1);

    showPolicy(model->unroutedPolicy());
    connect(m_policyBox, &QComboBox::activated, this, [this](int index) {
        if (m_model)
            m_model->setUnroutedPolicy(UnroutedPolicy(m_policyBox->itemData(index).toInt()));
    });
    connect(model, &RoutingTableModel::unroutedPolicyChanged, this, &RoutingPanel::showPolicy);
    connect(model, &RoutingTableModel::editRefused, this, &RoutingPanel::showRefusal);
    connect(model->undoStack(), &QUndoStack::indexChanged, m_status, &QLabel::clear);
    connect(model->undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { m_pending->setVisible(!clean); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RoutingPanel::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &RoutingPanel::updateActions);
    updateActions();
}

void RoutingPanel::createActions() {
    QStyle *style = this->style();
    m_addAction = PanelActions::make(this, style->standardIcon(QStyle::SP_FileDialogNewFolder),
                                     tr("&Add Event"), QKeySequence(Qt::CTRL | Qt::Key_Insert),
                                     tr("Add a row for an event name"));
    m_renameAction = PanelActions::make(this, style->standardIcon(QStyle::SP_FileDialogInfoView),
                                        tr("&Rename Event"), QKeySequence(Qt::Key_F2),
                                        tr("Rename the selected event"));
    m_removeAction =
        PanelActions::make(this, style->standardIcon(QStyle::SP_TrashIcon), tr("Re&move Event"),
                           QKeySequence::Delete, tr("Remove the selected event's row"));

    // QUndoStack's own actions carry "Undo <what>" texts and follow canUndo/canRedo.
    m_undoAction = m_model->undoStack()->createUndoAction(this, tr("&Undo"));
    m_redoAction = m_model->undoStack()->createRedoAction(this, tr("&Redo"));
    m_undoAction->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    for (QAction *action : {m_undoAction, m_redoAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    m_applyAction = PanelActions::make(this, style->standardIcon(QStyle::SP_DialogApplyButton),
                                       tr("A&pply"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                                       tr("Send this routing table to the session"));

    connect(m_addAction, &QAction::triggered, this, &RoutingPanel::addEvent);
    connect(m_renameAction, &QAction::triggered, this, &RoutingPanel::renameCurrent);
    connect(m_removeAction, &QAction::triggered, this, &RoutingPanel::removeCurrent);
    connect(m_applyAction, &QAction::triggered, this, [this] {
        if (m_model)
            emit applyRequested(m_model->routing(), m_model->unroutedPolicy());
    });

    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_renameAction);
    m_toolBar->addAction(m_removeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_applyAction);
}

QString RoutingPanel::statusText() const {
    return m_status->text();
}

void RoutingPanel::addEvent() {
    if (!m_model || !m_model->addEvent(m_model->unusedEventName()))
        return;
    // The new row gets a placeholder name; let the operator type the real one right away.
    const QModelIndex name =
        m_model->index(m_model->rowCount() - 1, RoutingTableModel::EventColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
}

void RoutingPanel::renameCurrent() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_model)
        return;
    const QModelIndex name = m_model->index(current.row(), RoutingTableModel::EventColumn);
    if (name.flags() & Qt::ItemIsEditable)
        m_view->edit(name);
    else
        m_model->renameEvent(m_model->eventAt(current.row()), QString()); // explains the refusal
}

void RoutingPanel::removeCurrent() {
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_model)
        m_model->removeEvent(m_model->eventAt(current.row()));
}

void RoutingPanel::showRefusal(const QString &message) {
    m_status->setText(tr("Not changed: %1").arg(message));
}

void RoutingPanel::showPolicy(UnroutedPolicy policy) {
    m_policyBox->setCurrentIndex(m_policyBox->findData(int(policy)));
}

void RoutingPanel::updateActions() {
    const QModelIndex current = m_view->currentIndex();
    const bool named = current.isValid() && current.row() > 0; // row 0 is "*"
    m_renameAction->setEnabled(named);
    m_removeAction->setEnabled(named);
}

void RoutingPanel::showApplyReport(const RoutingApplyReport &report) {
    m_report->clear();
    if (!report.ok()) {
        m_status->setText(tr("Not applied: %1").arg(report.error));
        m_report->setVisible(false);
        return;
    }
    if (m_model)
        m_model->undoStack()->setClean();
    m_status->setText(
        tr("Applied: %n route(s) deliver now", nullptr, int(report.accepted.size()))
        + QLatin1Char(' ')
        + tr("%n skipped until their distributor is enabled", nullptr, int(report.skipped.size())));
    const QIcon accepted = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon skipped = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const RoutingApplyReport::Entry &entry : report.accepted) {
        auto *item =
            new QTreeWidgetItem(m_report, {entry.event, entry.distributor, tr("accepted")});
        item->setIcon(2, accepted);
    }
    for (const RoutingApplyReport::Entry &entry : report.skipped) {
        auto *item = new QTreeWidgetItem(
            m_report, {entry.event, entry.distributor, tr("skipped: %1").arg(entry.reason)});
        item->setIcon(2, skipped);
        item->setToolTip(2, entry.reason);
    }
    m_report->setVisible(m_report->topLevelItemCount() > 0);
}
