#pragma once

#include "replaysource.h"
#include "result.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTextStream;

// `labrelay replay FILE... --session ID [--speed 2] [--api-url URL] [--api-token T]`: feeds a
// recording into a running LabRelay through its control API, as
// `POST {api-url}/api/sessions/{ID}/events` with NDJSON bodies of {"event","data","timestamp"}
// lines. The events that fall due together go in one request; one request is in flight at a time,
// so the order holds, and the replay pauses while too many events wait for the API.
class ReplayCommand final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayCommand)

public:
    enum Exit { Success = 0, ApiError = 1, Unreadable = 2 };

    struct Options {
        QStringList files;
        QString sessionId;
        double speed = 1;
        QUrl apiUrl = QUrl(QStringLiteral("http://127.0.0.1:7380"));
        QString apiToken;
    };

    static constexpr int MaxEventsPerRequest = 1000;
    static constexpr qsizetype MaxBytesPerRequest = 4 * 1024 * 1024; // the API takes 8 MiB
    static constexpr int MaxWaitingEvents = 5000;

    // The arguments after `replay`; errors name the option and the rule.
    static Result<Options> parse(const QStringList &arguments);
    // Parses, runs the replay in a local event loop and returns the exit code (2 also for bad
    // arguments). Needs a QCoreApplication.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    ReplayCommand(const Options &options, QTextStream &out, QTextStream &err,
                  QObject *parent = nullptr);
    ~ReplayCommand() override;

    // Starts the replay; finished() follows from the event loop in every case.
    void start();
    QUrl eventsUrl() const;
    qint64 eventsSent() const { return m_sent; }

signals:
    void finished(int exitCode);

private:
    void enqueue(const RecordedEvent &event);
    void sendWaiting();
    void onReplyFinished(QNetworkReply *reply, int events);
    void onReplayFinished();
    void printProgress();
    void printProblems();
    void finish(int exitCode);

    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ReplaySource> m_replay;
    QNetworkAccessManager *m_network = nullptr; // child
    QPointer<QNetworkReply> m_inFlight;
    QList<QByteArray> m_waiting; // NDJSON lines not sent yet
    bool m_sendScheduled = false;
    bool m_replayDone = false;
    bool m_finished = false;
    qint64 m_sent = 0;
    QElapsedTimer m_clock;
    QTimer m_progressTimer;
};
