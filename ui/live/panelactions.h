#pragma once

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QString>

namespace PanelActions {

// An action whose shortcut works while focus is inside its panel, so two panels can both use
// Ctrl+Z or Delete; the tooltip names the shortcut.
inline QAction *make(QWidget *panel, const QIcon &icon, const QString &text,
                     const QKeySequence &shortcut, const QString &toolTip) {
    auto *action = new QAction(icon, text, panel);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
        shortcut.isEmpty()
            ? toolTip
            : QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    panel->addAction(action);
    return action;
}

} // namespace PanelActions
