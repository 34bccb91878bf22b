#pragma once

#include <QRandomGenerator>

#include <cmath>

// A seeded random stream for one part of the synthetic source. Each part (gaze, device, loss
// injection) draws from its own stream, so switching on IMU data or packet loss does not change
// the gaze samples of a seed.
class SyntheticRandom {
public:
    enum Stream : quint32 { Gaze = 1, Device = 2, Injection = 3 };

    SyntheticRandom(qint64 seed, Stream stream) {
        const quint32 words[3] = {quint32(quint64(seed) & 0xffffffffu),
                                  quint32(quint64(seed) >> 32), quint32(stream)};
        m_generator = QRandomGenerator(words, 3);
    }

    double unit() { return m_generator.generateDouble(); }
    double uniform(double low, double high) { return low + (high - low) * unit(); }
    bool chance(double probability) { return probability > 0 && unit() < probability; }
    // Normal distribution (Box–Muller); both draws are always taken so the stream stays in step.
    double gaussian(double sigma) {
        const double u1 = 1.0 - unit(); // (0, 1], log() stays finite
        const double u2 = unit();
        return sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }

private:
    QRandomGenerator m_generator;
};
