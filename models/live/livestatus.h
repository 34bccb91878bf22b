#pragma once

#include <QIcon>
#include <QString>

#include <array>

// How a session or distributor state reads at a glance. Views show it as an icon whose shape
// differs per status *and* as text, so nothing relies on colour alone.
enum class LiveStatus { Healthy, Pending, Warning, Failed, Off };

namespace LiveStates {

// SPEC decision 9 names (connected, degraded, ...) and "not configured".
LiveStatus forDistributorState(const QString &state);
// Session states: initializing, active, degraded, closing, closed.
LiveStatus forSessionState(const QString &state);
// The engine's state name as a person reads it, translated.
QString displayText(const QString &state);

} // namespace LiveStates

// Small painted icons, one shape per status. Painted rather than loaded so the model layer needs
// no image files and no widget style; created on first use because painting needs a GUI app.
class LiveStatusIcons final {
public:
    QIcon icon(LiveStatus status) const;

private:
    static QIcon paint(LiveStatus status);

    mutable std::array<QIcon, 5> m_icons;
};
