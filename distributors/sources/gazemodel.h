#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// One generated gaze sample before it becomes a payload. Positions are normalised (0..1),
// diameters in mm.
struct GazeSample {
    double x = 0.5;
    double y = 0.5;
    double confidence = 1;
    bool worn = true;
    bool pupilsVisible = true; // false during a blink: the payload has no pupils
    double leftDiameter = 0;
    double rightDiameter = 0;
    double leftCenterX = 0;
    double leftCenterY = 0;
    double rightCenterX = 0;
    double rightCenterY = 0;
};

// An eye event a model detected while producing a sample (emitted right after that sample).
struct EyeEvent {
    enum class Kind { Blink, Fixation, Saccade };
    Kind kind;
    QJsonObject data;
};

// When a sample is: its index in the gaze stream, the source time since the start, and the
// epoch time the source clock maps that to.
struct SampleTime {
    qint64 index = 0;
    double elapsedMs = 0;
    qint64 timestamp = 0;
};

// The eye-movement model behind the gaze stream (parity or realistic).
class GazeModel {
public:
    virtual ~GazeModel() = default;

    virtual GazeSample sample(const SampleTime &time, QList<EyeEvent> &events) = 0;
    // Samples were skipped (the event loop stalled): continue from `time` without reporting
    // events for the gap.
    virtual void resync(const SampleTime &time) = 0;
};
