#include "healthchartwidget.h"

#include "distributortype.h"
#include "statetimelinewidget.h"

#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

QColor colorForType(const QString &type) {
    static const QList<QColor> colors{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                      QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                      QColor(0x8c, 0x56, 0x4b)};
    const qsizetype index = DistributorTypes::names().indexOf(type);
    return index >= 0 ? colors.at(index) : QColor(Qt::darkGray);
}

QChart *makeChart(const QString &title, const QString &unit, QValueAxis **x, QValueAxis **y) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    *x = new QValueAxis(chart);
    (*x)->setRange(-double(HealthHistory::WindowMs) / 1000.0, 0);
    (*x)->setTitleText(HealthChartWidget::tr("seconds ago"));
    (*x)->setLabelFormat(QStringLiteral("%d"));
    *y = new QValueAxis(chart);
    (*y)->setRange(0, 1);
    (*y)->setTitleText(unit);
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    return chart;
}

QChartView *makeView(QChart *chart, QWidget *parent) {
    auto *view = new QChartView(chart, parent); // takes ownership of the chart
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setMinimumHeight(160);
    return view;
}

} // namespace

HealthChartWidget::HealthChartWidget(QWidget *parent)
    : QWidget(parent)
    , m_rateChart(makeChart(tr("Events per second"), tr("events/s"), &m_rateX, &m_rateY))
    , m_latencyChart(makeChart(tr("p95 latency"), tr("ms"), &m_latencyX, &m_latencyY))
    , m_timeline(new StateTimelineWidget(this))
    , m_pause(new QToolButton(this))
    , m_pausedNote(new QLabel(this)) {
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the charts; data is still recorded"));
    m_pausedNote->setText(tr("Paused: still recording, the charts catch up when you resume."));
    m_pausedNote->hide();
    connect(m_pause, &QToolButton::toggled, this, &HealthChartWidget::setPaused);

    auto *top = new QHBoxLayout;
    top->addWidget(m_pause);
    top->addWidget(m_pausedNote, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(makeView(m_rateChart, this), 1);
    layout->addWidget(makeView(m_latencyChart, this), 1);
    layout->addWidget(new QLabel(tr("State"), this));
    layout->addWidget(m_timeline);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(RedrawIntervalMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &HealthChartWidget::redraw);
}

void HealthChartWidget::addSnapshot(const SessionSnapshot &snapshot, qint64 atMs) {
    if (snapshot.id != m_history.sessionId())
        clear();
    m_history.add(snapshot, atMs >= 0 ? atMs : QDateTime::currentMSecsSinceEpoch());
    m_dirty = true;
    scheduleRedraw();
}

void HealthChartWidget::clear() {
    m_history.clear();
    for (const SeriesPair &pair : std::as_const(m_series)) {
        m_rateChart->removeSeries(pair.rate);
        m_latencyChart->removeSeries(pair.latency);
        delete pair.rate;
        delete pair.latency;
    }
    m_series.clear();
    m_timeline->setRows({}, 0, 1);
    m_dirty = false;
}

void HealthChartWidget::setPaused(bool paused) {
    if (paused == m_paused)
        return;
    m_paused = paused;
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pausedNote->setVisible(paused);
    if (paused)
        m_redrawTimer.stop();
    else if (m_dirty)
        redraw();
}

int HealthChartWidget::displayedPointCount(const QString &type) const {
    const auto it = m_series.constFind(type);
    return it == m_series.constEnd() ? -1 : int(it->rate->count());
}

void HealthChartWidget::redraw() {
    m_redrawTimer.stop();
    if (m_paused)
        return;
    m_dirty = false;
    const qint64 latest = m_history.latest();
    double maxRate = 1;
    double maxLatency = 1;
    QList<StateTimelineWidget::Row> rows;
    for (const QString &type : m_history.types()) {
        const QList<HealthHistory::Sample> samples = m_history.samples(type);
        QList<QPointF> rates;
        QList<QPointF> latencies;
        rates.reserve(samples.size());
        latencies.reserve(samples.size());
        for (const HealthHistory::Sample &sample : samples) {
            const double x = double(sample.at - latest) / 1000.0;
            rates.append({x, sample.eventsPerSecond});
            latencies.append({x, sample.p95Ms});
            maxRate = std::max(maxRate, sample.eventsPerSecond);
            maxLatency = std::max(maxLatency, sample.p95Ms);
        }
        SeriesPair &pair = seriesFor(type);
        // One bulk replace per series: appending and trimming point by point would make the
        // chart re-layout once per point.
        pair.rate->replace(rates);
        pair.latency->replace(latencies);
        rows.append({type, m_history.bands(type), pair.rate->name()});
    }
    // Series of distributors that aged out of the window go too.
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (m_history.types().contains(it.key())) {
            ++it;
            continue;
        }
        m_rateChart->removeSeries(it->rate);
        m_latencyChart->removeSeries(it->latency);
        delete it->rate;
        delete it->latency;
        it = m_series.erase(it);
    }
    m_rateY->setRange(0, maxRate * 1.1);
    m_latencyY->setRange(0, maxLatency * 1.1);
    m_timeline->setRows(rows, latest - HealthHistory::WindowMs, latest);
}

void HealthChartWidget::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_dirty)
        scheduleRedraw();
}

HealthChartWidget::SeriesPair &HealthChartWidget::seriesFor(const QString &type) {
    auto it = m_series.find(type);
    if (it != m_series.end())
        return *it;
    const auto known = DistributorTypes::fromName(type);
    const QString label = known ? DistributorTypes::label(*known) : type;
    SeriesPair pair{new QLineSeries, new QLineSeries};
    for (auto [series, chart, x, y] :
         {std::tuple{pair.rate, m_rateChart, m_rateX, m_rateY},
          std::tuple{pair.latency, m_latencyChart, m_latencyX, m_latencyY}}) {
        series->setName(label);
        series->setColor(colorForType(type));
        chart->addSeries(series); // the chart owns it from here
        series->attachAxis(x);
        series->attachAxis(y);
    }
    return *m_series.insert(type, pair);
}

void HealthChartWidget::scheduleRedraw() {
    // Hidden or paused: keep recording, draw when it can be seen.
    if (m_paused || !isVisible() || m_redrawTimer.isActive())
        return;
    m_redrawTimer.start();
}
