#pragma once

#include <QList>

#include <utility>

namespace ChangedRows {

// The dataChanged ranges for a set of changed rows, as qBittorrent's transfer list does it: one
// range per changed row while few rows changed, one range for the whole table once more than
// half did (views repaint a whole table about as cheaply as a few rows).
inline QList<std::pair<int, int>> ranges(const QList<int> &rows, int rowCount) {
    if (rows.isEmpty() || rowCount <= 0)
        return {};
    if (rows.size() * 2 > rowCount)
        return {{0, rowCount - 1}};
    QList<std::pair<int, int>> result;
    result.reserve(rows.size());
    for (const int row : rows)
        result.append({row, row});
    return result;
}

} // namespace ChangedRows
