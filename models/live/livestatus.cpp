#include "livestatus.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace LiveStates {

LiveStatus forDistributorState(const QString &state) {
    if (state == QLatin1String("connected"))
        return LiveStatus::Healthy;
    if (state == QLatin1String("initializing") || state == QLatin1String("connecting"))
        return LiveStatus::Pending;
    if (state == QLatin1String("degraded") || state == QLatin1String("disconnected"))
        return LiveStatus::Warning;
    if (state == QLatin1String("error"))
        return LiveStatus::Failed;
    return LiveStatus::Off;
}

LiveStatus forSessionState(const QString &state) {
    if (state == QLatin1String("active"))
        return LiveStatus::Healthy;
    if (state == QLatin1String("initializing"))
        return LiveStatus::Pending;
    if (state == QLatin1String("degraded"))
        return LiveStatus::Warning;
    if (state == QLatin1String("error"))
        return LiveStatus::Failed;
    return LiveStatus::Off;
}

QString displayText(const QString &state) {
    // The engine's names are API words; these are the words a person reads (and translates).
    static const struct {
        const char *state;
        const char *text;
    } texts[] = {
        {"initializing", QT_TRANSLATE_NOOP("LiveStates", "initializing")},
        {"connecting", QT_TRANSLATE_NOOP("LiveStates", "connecting")},
        {"connected", QT_TRANSLATE_NOOP("LiveStates", "connected")},
        {"degraded", QT_TRANSLATE_NOOP("LiveStates", "degraded")},
        {"disconnected", QT_TRANSLATE_NOOP("LiveStates", "disconnected")},
        {"error", QT_TRANSLATE_NOOP("LiveStates", "error")},
        {"stopped", QT_TRANSLATE_NOOP("LiveStates", "stopped")},
        {"active", QT_TRANSLATE_NOOP("LiveStates", "active")},
        {"closing", QT_TRANSLATE_NOOP("LiveStates", "closing")},
        {"closed", QT_TRANSLATE_NOOP("LiveStates", "closed")},
        {"not configured", QT_TRANSLATE_NOOP("LiveStates", "not configured")},
    };
    for (const auto &entry : texts) {
        if (state == QLatin1String(entry.state))
            return QCoreApplication::translate("LiveStates", entry.text);
    }
    return state;
}

} // namespace LiveStates

QIcon LiveStatusIcons::icon(LiveStatus status) const {
    QIcon &cached = m_icons[std::size_t(status)];
    if (cached.isNull())
        cached = paint(status);
    return cached;
}

QIcon LiveStatusIcons::paint(LiveStatus status) {
    QIcon icon;
    for (const int size : {16, 32}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        const QRectF circle(1.5, 1.5, 13, 13);
        // Marks on filled shapes are cut out rather than painted white, so each status differs
        // in shape (alpha) and reads on any background.
        const QPen mark(Qt::black, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        const auto cutOut = [&painter, &mark] {
            painter.setCompositionMode(QPainter::CompositionMode_Clear);
            painter.setPen(mark);
        };
        switch (status) {
        case LiveStatus::Healthy: // filled circle with a check mark
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x2e, 0x9d, 0x47));
            painter.drawEllipse(circle);
            cutOut();
            painter.drawPolyline(QPolygonF{{4.5, 8.5}, {7, 11}, {11.5, 5.5}});
            break;
        case LiveStatus::Pending: // ring with a clock hand
            painter.setPen(QPen(QColor(0x2f, 0x6f, 0xc0), 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(circle.adjusted(0.5, 0.5, -0.5, -0.5));
            painter.drawPolyline(QPolygonF{{8, 4.5}, {8, 8}, {10.5, 9.5}});
            break;
        case LiveStatus::Warning: { // triangle with an exclamation mark
            QPainterPath triangle;
            triangle.moveTo(8, 1);
            triangle.lineTo(15, 14.5);
            triangle.lineTo(1, 14.5);
            triangle.closeSubpath();
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xe0, 0x9a, 0x10));
            painter.drawPath(triangle);
            cutOut();
            painter.drawLine(QPointF(8, 5.5), QPointF(8, 9.5));
            painter.drawPoint(QPointF(8, 12.2));
            break;
        }
        case LiveStatus::Failed: // filled circle with a cross
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xc6, 0x28, 0x28));
            painter.drawEllipse(circle);
            cutOut();
            painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
            painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
            break;
        case LiveStatus::Off: // hollow circle with a dash
            painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(circle.adjusted(0.5, 0.5, -0.5, -0.5));
            painter.drawLine(QPointF(5, 8), QPointF(11, 8));
            break;
        }
        painter.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}
