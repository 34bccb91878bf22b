#pragma once

#include <QList>

class QAbstractItemModel;

namespace RowChanges {

// Above this many changed rows one dataChanged for the whole table is cheaper for views than one
// signal per row (qBittorrent's transfer list makes the same trade).
constexpr int PerRowLimit = 8;

// Announces changed rows of a flat table: one dataChanged per row when few changed, one for the
// whole table otherwise. `rows` need not be sorted.
void announce(QAbstractItemModel *model, const QList<int> &rows);

} // namespace RowChanges
