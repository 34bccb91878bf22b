#include "enginehost.h"

EngineHost::EngineHost(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("labrelay-engine"));
    m_manager = new SessionManager;
    m_manager->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_manager, &QObject::deleteLater);
    m_thread.start();
}

EngineHost::~EngineHost() {
    shutdown();
}

void EngineHost::shutdown() {
    if (m_shutDown)
        return;
    m_shutDown = true;
    // Blocking here is deliberate: the process is ending and ports must be free when it does.
    // The wait is bounded by the distributors' drain time.
    QFuture<bool> closed = invoke([](SessionManager &manager) { return manager.cleanup(); });
    closed.waitForFinished();
    m_thread.quit();
    m_thread.wait();
}
