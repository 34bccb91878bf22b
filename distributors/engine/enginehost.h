#pragma once

#include "sessionmanager.h"

#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>
#include <type_traits>

template<typename T>
struct IsQFuture : std::false_type {};
template<typename T>
struct IsQFuture<QFuture<T>> : std::true_type {
    using Value = T;
};

// Runs a SessionManager on its own worker thread (ARCHITECTURE "the engine can live in its own
// thread"). Callers on other threads never touch the manager directly: invoke() queues a call
// into the worker and hands back a QFuture, and the manager's signals arrive as queued
// connections. Used by the window and the headless runner.
class EngineHost : public QObject {
    Q_OBJECT

public:
    explicit EngineHost(QObject *parent = nullptr);
    // Closes every session (ports released), then stops the worker thread.
    ~EngineHost() override;

    // The manager, for connecting to its signals. Call its methods only through invoke().
    SessionManager *manager() const { return m_manager; }

    // Runs `call(SessionManager &)` in the worker. A call that itself answers with a QFuture<T>
    // is flattened: the returned future resolves when that one does.
    template<typename Call>
    auto invoke(Call call) {
        using Returned = std::invoke_result_t<Call, SessionManager &>;
        if constexpr (IsQFuture<Returned>::value) {
            using T = typename IsQFuture<Returned>::Value;
            auto promise = std::make_shared<QPromise<T>>();
            QFuture<T> future = promise->future();
            QMetaObject::invokeMethod(m_manager, [manager = m_manager, call, promise]() mutable {
                promise->start();
                call(*manager).then([promise](const T &value) {
                    promise->addResult(value);
                    promise->finish();
                });
            });
            return future;
        } else if constexpr (std::is_void_v<Returned>) {
            auto promise = std::make_shared<QPromise<void>>();
            QFuture<void> future = promise->future();
            QMetaObject::invokeMethod(m_manager, [manager = m_manager, call, promise]() mutable {
                promise->start();
                call(*manager);
                promise->finish();
            });
            return future;
        } else {
            auto promise = std::make_shared<QPromise<Returned>>();
            QFuture<Returned> future = promise->future();
            QMetaObject::invokeMethod(m_manager, [manager = m_manager, call, promise]() mutable {
                promise->start();
                promise->addResult(call(*manager));
                promise->finish();
            });
            return future;
        }
    }

    // Closes every session and waits (bounded by the drain time) for ports to be released.
    void shutdown();

private:
    QThread m_thread;
    SessionManager *m_manager = nullptr;
    bool m_shutDown = false;
};
