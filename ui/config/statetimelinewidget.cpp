#include "statetimelinewidget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {

constexpr int RowHeight = 18;
constexpr int RowGap = 4;
constexpr int LabelWidth = 90;
constexpr int LegendHeight = 22;

const QStringList &knownStates() {
    static const QStringList states{QStringLiteral("initializing"), QStringLiteral("connecting"),
                                    QStringLiteral("connected"),    QStringLiteral("degraded"),
                                    QStringLiteral("disconnected"), QStringLiteral("error"),
                                    QStringLiteral("stopped")};
    return states;
}

} // namespace

StateTimelineWidget::StateTimelineWidget(QWidget *parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StateTimelineWidget::setRows(const QList<Row> &rows, qint64 from, qint64 to) {
    const bool resized = rows.size() != m_rows.size();
    m_rows = rows;
    m_from = from;
    m_to = std::max(to, from + 1);
    if (resized)
        updateGeometry();
    update();
}

QColor StateTimelineWidget::colorFor(const QString &state) {
    if (state == QLatin1String("connected"))
        return QColor(0x2e, 0x9e, 0x4f);
    if (state == QLatin1String("degraded"))
        return QColor(0xe0, 0xa0, 0x20);
    if (state == QLatin1String("connecting"))
        return QColor(0x4a, 0x8a, 0xd8);
    if (state == QLatin1String("initializing"))
        return QColor(0x8f, 0xb8, 0xe8); // a lighter blue: the step before connecting
    if (state == QLatin1String("error"))
        return QColor(0xd0, 0x3a, 0x3a);
    if (state == QLatin1String("disconnected"))
        return QColor(0x9a, 0x6a, 0xc0);
    return QColor(0x90, 0x90, 0x90); // stopped, unknown
}

QString StateTimelineWidget::labelFor(const QString &state) {
    if (state == QLatin1String("initializing"))
        return tr("initializing");
    if (state == QLatin1String("connecting"))
        return tr("connecting");
    if (state == QLatin1String("connected"))
        return tr("connected");
    if (state == QLatin1String("degraded"))
        return tr("degraded");
    if (state == QLatin1String("disconnected"))
        return tr("disconnected");
    if (state == QLatin1String("error"))
        return tr("error");
    if (state == QLatin1String("stopped"))
        return tr("stopped");
    return state;
}

QString StateTimelineWidget::describeAt(const QPoint &pos) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!rowRect(row).contains(pos))
            continue;
        for (const HealthHistory::Band &band : m_rows.at(row).bands) {
            if (pos.x() < xFor(band.from) || pos.x() > std::max(xFor(band.to), xFor(band.from) + 1))
                continue;
            return tr("%1: %2 for %3 s")
                .arg(rowLabel(m_rows.at(row)), labelFor(band.state))
                .arg((band.to - band.from) / 1000.0, 0, 'f', 1);
        }
    }
    return {};
}

QSize StateTimelineWidget::sizeHint() const {
    const QSize minimum = minimumSizeHint();
    return {std::max(400, minimum.width()), minimum.height()};
}

QSize StateTimelineWidget::minimumSizeHint() const {
    const int rows = std::max<int>(1, int(m_rows.size()));
    // Never narrower than the legend, so no state's colour loses its name.
    return {LabelWidth + std::max(100, legendWidth()),
            rows * (RowHeight + RowGap) + LegendHeight + RowGap};
}

int StateTimelineWidget::legendWidth() const {
    const QFontMetrics metrics = fontMetrics();
    int width = 0;
    for (const QString &state : knownStates())
        width += 14 + metrics.horizontalAdvance(labelFor(state)) + 12;
    return width;
}

QString StateTimelineWidget::rowLabel(const Row &row) {
    return row.label.isEmpty() ? row.type : row.label;
}

void StateTimelineWidget::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    for (int row = 0; row < m_rows.size(); ++row) {
        const QRect rect = rowRect(row);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, rect.top(), LabelWidth - 4, rect.height()),
                         Qt::AlignRight | Qt::AlignVCenter, rowLabel(m_rows.at(row)));
        for (const HealthHistory::Band &band : m_rows.at(row).bands) {
            const int left = int(xFor(band.from));
            const int right = std::max(int(xFor(band.to)), left + 1);
            const QRect bandRect(left, rect.top(), right - left, rect.height());
            painter.fillRect(bandRect, colorFor(band.state));
            const QString label = labelFor(band.state);
            if (metrics.horizontalAdvance(label) + 6 < bandRect.width()) {
                painter.setPen(Qt::white);
                painter.drawText(bandRect, Qt::AlignCenter, label);
            }
        }
    }
    // Legend: every state with its colour, by name.
    int x = LabelWidth;
    const int y = height() - LegendHeight + 4;
    for (const QString &state : knownStates()) {
        painter.fillRect(QRect(x, y + 3, 10, 10), colorFor(state));
        painter.setPen(palette().color(QPalette::WindowText));
        const QString label = labelFor(state);
        painter.drawText(x + 14, y + metrics.ascent(), label);
        x += 14 + metrics.horizontalAdvance(label) + 12;
    }
}

bool StateTimelineWidget::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QRect StateTimelineWidget::plotArea() const {
    return QRect(LabelWidth, 0, std::max(1, width() - LabelWidth - 8), height() - LegendHeight);
}

QRect StateTimelineWidget::rowRect(int row) const {
    const QRect area = plotArea();
    return QRect(area.left(), RowGap + row * (RowHeight + RowGap), area.width(), RowHeight);
}

double StateTimelineWidget::xFor(qint64 at) const {
    const QRect area = plotArea();
    const double fraction = double(at - m_from) / double(m_to - m_from);
    return area.left() + std::clamp(fraction, 0.0, 1.0) * area.width();
}
