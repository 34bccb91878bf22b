#pragma once

#include <QAbstractItemView>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>

namespace ViewClick {

// Where the delegate draws the check box of a cell, computed the way the delegate computes it.
inline QPoint checkBoxCenter(QAbstractItemView *view, const QModelIndex &index) {
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.rect = view->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator;
    option.checkState = index.data(Qt::CheckStateRole).value<Qt::CheckState>();
    const QString text = index.data().toString();
    if (!text.isEmpty()) {
        option.features |= QStyleOptionViewItem::HasDisplay;
        option.text = text;
    }
    return view->style()
        ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view)
        .center();
}

inline void clickCheckBox(QAbstractItemView *view, const QModelIndex &index) {
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCenter(view, index));
}

} // namespace ViewClick
