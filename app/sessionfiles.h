#pragma once

#include "enginehost.h"
#include "result.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

class MainWindow;

// Session config files from the window: open (creates a session), export (asks about secrets,
// default no), and the recent-files list kept in QSettings.
class SessionFiles final : public QObject {
    Q_OBJECT

public:
    static constexpr int MaxRecentFiles = 8;

    SessionFiles(EngineHost &engine, MainWindow &window, QObject *parent = nullptr);

    // Creates a session from a file: its sessionId, or the file name without .labrelay.json.
    QFuture<Result<CreateSessionResult>> open(const QString &path);
    // Writes the session's current configuration; the omitted secrets' key paths are answered.
    QFuture<Result<QStringList>> exportTo(const QString &sessionId, const QString &path,
                                          bool includeSecrets);

    QStringList recentFiles() const;

    // The interactive versions, with file dialogs.
    void chooseAndOpen();
    void chooseAndExport(const QString &sessionId);

private:
    void remember(const QString &path);

    EngineHost &m_engine;
    MainWindow &m_window;
};
