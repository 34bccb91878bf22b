#pragma once

#include <QList>
#include <QObject>
#include <QSocketNotifier>

#include <initializer_list>
#include <memory>

// Turns POSIX signals (SIGINT, SIGTERM) into a Qt signal on the event loop. The handler only
// writes the signal number to one end of a socketpair — one of the few things that are
// async-signal-safe — and a QSocketNotifier on the other end wakes the event loop.
class SignalWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    // One watcher per process: the handler writes to a process-wide descriptor.
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void readSignals();

    int m_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<int> m_signals;
};
