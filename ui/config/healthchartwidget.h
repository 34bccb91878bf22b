#pragma once

#include "healthhistory.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QChart;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;
class StateTimelineWidget;

// The health dashboard of the selected session: events/s and p95 latency per distributor over
// the last five minutes, and each distributor's state timeline. The only class that touches
// Qt Charts (deprecated in newer Qt, so a swap touches this file alone).
//
// Feed it addSnapshot() at the engine's snapshot rate (at most 10 Hz). Redrawing is coalesced
// to a few times a second and each series is replaced in bulk. Pause freezes the view while
// recording goes on, so resuming shows the whole window without a gap.
class HealthChartWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthChartWidget)

public:
    static constexpr int RedrawIntervalMs = 250;

    explicit HealthChartWidget(QWidget *parent = nullptr);

    // `atMs` is when the snapshot was taken (epoch ms); -1 means now.
    void addSnapshot(const SessionSnapshot &snapshot, qint64 atMs = -1);
    void clear();

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);

    const HealthHistory &history() const { return m_history; }
    // Points the events/s series of `type` shows now (-1 without a series).
    int displayedPointCount(const QString &type) const;
    bool isRedrawPending() const { return m_redrawTimer.isActive(); }
    // Draws the recorded data now, unless paused.
    void redraw();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct SeriesPair {
        QLineSeries *rate = nullptr;
        QLineSeries *latency = nullptr;
    };

    SeriesPair &seriesFor(const QString &type);
    void scheduleRedraw();

    HealthHistory m_history;
    QChart *m_rateChart;
    QChart *m_latencyChart;
    QValueAxis *m_rateX;
    QValueAxis *m_rateY;
    QValueAxis *m_latencyX;
    QValueAxis *m_latencyY;
    QHash<QString, SeriesPair> m_series;
    StateTimelineWidget *m_timeline;
    QToolButton *m_pause;
    QLabel *m_pausedNote;
    QTimer m_redrawTimer;
    bool m_paused = false;
    bool m_dirty = false;
};
