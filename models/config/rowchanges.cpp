#include "rowchanges.h"

#include <QAbstractItemModel>

namespace RowChanges {

void announce(QAbstractItemModel *model, const QList<int> &rows) {
    if (rows.isEmpty())
        return;
    const int lastColumn = model->columnCount() - 1;
    if (rows.size() > PerRowLimit) {
        emit model->dataChanged(model->index(0, 0),
                                model->index(model->rowCount() - 1, lastColumn));
        return;
    }
    for (const int row : rows)
        emit model->dataChanged(model->index(row, 0), model->index(row, lastColumn));
}

} // namespace RowChanges
