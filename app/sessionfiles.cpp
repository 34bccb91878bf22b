#include "sessionfiles.h"

#include "eventlogmodel.h"
#include "mainwindow.h"
#include "sessionconfigfile.h"
#include "sessionspanel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace {

const QString RecentFilesKey = QStringLiteral("files/recent");

QString sessionIdFor(const QString &path, const SessionConfig &config) {
    if (!config.sessionId.isEmpty())
        return config.sessionId;
    QString name = QFileInfo(path).fileName();
    for (const QString &suffix : {SessionConfigFile::Suffix, QStringLiteral(".json")}) {
        if (name.endsWith(suffix)) {
            name.chop(suffix.size());
            break;
        }
    }
    return name;
}

} // namespace

SessionFiles::SessionFiles(EngineHost &engine, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_window(window) {
    m_window.setRecentFiles(recentFiles());
    connect(&m_window, &MainWindow::openRequested, this, &SessionFiles::chooseAndOpen);
    connect(&m_window, &MainWindow::recentFileRequested, this,
            [this](const QString &path) { open(path); });
    connect(&m_window, &MainWindow::exportRequested, this, &SessionFiles::chooseAndExport);
}

QFuture<Result<CreateSessionResult>> SessionFiles::open(const QString &path) {
    using R = Result<CreateSessionResult>;
    const SessionConfigLoad load = SessionConfigFile::load(path);
    if (!load.ok()) {
        const QString message = load.errors.join(QLatin1Char('\n'));
        m_window.eventLog()->append(LogEntry::Severity::Error, QString(), QString(), message);
        m_window.showStatus(message);
        return QtFuture::makeReadyFuture(R::failure(message));
    }
    remember(path);
    const QString id = sessionIdFor(path, load.config);
    const SessionConfig config = load.config;
    return m_engine
        .invoke([id, config](SessionManager &manager) { return manager.createSession(id, config); })
        .then(this, [this, id](const R &result) {
            if (result.ok()) {
                m_window.sessionsPanel()->setCurrentSession(id);
            } else {
                m_window.eventLog()->append(LogEntry::Severity::Error, id, QString(),
                                            result.error());
                m_window.showStatus(result.error());
            }
            return result;
        });
}

QFuture<Result<QStringList>> SessionFiles::exportTo(const QString &sessionId, const QString &path,
                                                    bool includeSecrets) {
    return m_engine
        .invoke(
            [sessionId](SessionManager &manager) { return manager.exportSessionConfig(sessionId); })
        .then(this, [this, path, includeSecrets](const Result<SessionConfig> &config) {
            if (!config)
                return Result<QStringList>::failure(config.error());
            QStringList omitted;
            QString error;
            const auto secrets = includeSecrets ? SessionConfigFile::Secrets::Include
                                                : SessionConfigFile::Secrets::Omit;
            if (!SessionConfigFile::save(path, config.value(), secrets, &error, &omitted))
                return Result<QStringList>::failure(error);
            remember(path);
            return Result<QStringList>::success(omitted);
        });
}

QStringList SessionFiles::recentFiles() const {
    return QSettings().value(RecentFilesKey).toStringList();
}

void SessionFiles::remember(const QString &path) {
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    QSettings().setValue(RecentFilesKey, files);
    m_window.setRecentFiles(files);
}

void SessionFiles::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(
        &m_window, tr("Open Session Config"), QString(),
        tr("LabRelay session configs (*.labrelay.json *.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void SessionFiles::chooseAndExport(const QString &sessionId) {
    if (sessionId.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Session Config"), sessionId + SessionConfigFile::Suffix,
        tr("LabRelay session configs (*.labrelay.json)"));
    if (path.isEmpty())
        return;
    // Default no: literal passwords and tokens stay out of files unless the operator insists.
    const auto answer = QMessageBox::question(
        &m_window, tr("Include secrets?"),
        tr("Write literal passwords, tokens and Authorization headers into the file?\n\n"
           "Without them the file keeps ${VARIABLE} references only, and is safe to share."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    exportTo(sessionId, path, answer == QMessageBox::Yes)
        .then(this, [this, sessionId, path](const Result<QStringList> &result) {
            if (!result) {
                m_window.eventLog()->append(LogEntry::Severity::Error, sessionId, QString(),
                                            result.error());
                m_window.showStatus(result.error());
                return;
            }
            QString message = tr("Exported to %1").arg(path);
            if (!result->isEmpty())
                message += tr(" (left out: %1)").arg(result->join(QStringLiteral(", ")));
            m_window.eventLog()->append(LogEntry::Severity::Info, sessionId, QString(), message);
            m_window.showStatus(message);
        });
}
