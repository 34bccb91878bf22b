#pragma once

#include "healthhistory.h"

#include <QWidget>

// Each distributor's state over time as a row of coloured bands. Colour is never the only cue:
// wide bands carry the state's name, the legend names every colour, and hovering a band tells
// the distributor, the state and how long it lasted.
class StateTimelineWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateTimelineWidget)

public:
    struct Row {
        QString type;
        QList<HealthHistory::Band> bands;
        QString label; // shown instead of `type` when set, e.g. "WebSocket"
    };

    explicit StateTimelineWidget(QWidget *parent = nullptr);

    // Shows `rows` over the time span [from, to] (epoch ms).
    void setRows(const QList<Row> &rows, qint64 from, qint64 to);
    const QList<Row> &rows() const { return m_rows; }

    static QColor colorFor(const QString &state);
    static QString labelFor(const QString &state);
    // The tooltip at `pos`, or empty outside every band.
    QString describeAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotArea() const;
    QRect rowRect(int row) const;
    double xFor(qint64 at) const;
    int legendWidth() const;
    static QString rowLabel(const Row &row);

    QList<Row> m_rows;
    qint64 m_from = 0;
    qint64 m_to = 0;
};
