#include "replaycommand.h"

#include "jsonutil.h"
#include "jsonwriter.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>

namespace {

constexpr int MaxProblemsShown = 20;

QByteArray ndjsonLine(const RecordedEvent &event) {
    QByteArray line("{\"event\":");
    JsonWriter::appendString(line, event.event);
    line.append(",\"data\":");
    line.append(JsonUtil::compact(event.data));
    line.append(",\"timestamp\":");
    JsonWriter::appendInteger(line, event.timestamp);
    line.append("}\n");
    return line;
}

// The API answers errors as {"error": "..."}; anything else is shown as the HTTP status.
QString apiErrorText(const QByteArray &body, int status, const QString &reason) {
    const QString error =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
    if (!error.isEmpty())
        return error;
    return QStringLiteral("HTTP %1 %2").arg(status).arg(reason);
}

} // namespace

Result<ReplayCommand::Options> ReplayCommand::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption session(QStringLiteral("session"), QString(), QStringLiteral("ID"));
    const QCommandLineOption speed(QStringLiteral("speed"), QString(), QStringLiteral("X"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"), QString(), QStringLiteral("URL"));
    const QCommandLineOption apiToken(QStringLiteral("api-token"), QString(),
                                      QStringLiteral("TOKEN"));
    parser.addOptions({session, speed, apiUrl, apiToken});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (!parser.parse(QStringList{QStringLiteral("labrelay-replay")} + arguments))
        return Result<Options>::failure(parser.errorText());

    Options options;
    QStringList errors;
    options.files = parser.positionalArguments();
    if (options.files.isEmpty())
        errors.append(QStringLiteral("FILE: name at least one recording file"));
    options.sessionId = parser.value(session).trimmed();
    if (options.sessionId.isEmpty())
        errors.append(QStringLiteral("--session: required (the id of the session to feed)"));
    if (parser.isSet(speed)) {
        bool ok = false;
        options.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !(options.speed >= 0) || options.speed > 1e6)
            errors.append(QStringLiteral("--speed: expected a number >= 0 (0 = as fast as "
                                         "possible, 1 = real time)"));
    }
    if (parser.isSet(apiUrl)) {
        options.apiUrl = QUrl(parser.value(apiUrl), QUrl::StrictMode);
        const QString scheme = options.apiUrl.scheme();
        if (!options.apiUrl.isValid() || options.apiUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            errors.append(QStringLiteral("--api-url: expected an http:// or https:// URL"));
    }
    options.apiToken = parser.value(apiToken);
    if (!errors.isEmpty())
        return Result<Options>::failure(errors.join(QStringLiteral("; ")));
    return Result<Options>::success(options);
}

int ReplayCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const Result<Options> options = parse(arguments);
    if (!options) {
        err << "replay: " << options.error() << '\n'
            << "usage: labrelay replay FILE... --session ID [--speed X] [--api-url URL] "
               "[--api-token TOKEN]\n";
        return Unreadable;
    }
    ReplayCommand command(options.value(), out, err);
    QEventLoop loop;
    connect(&command, &ReplayCommand::finished, &loop, &QEventLoop::exit);
    command.start();
    return loop.exec();
}

ReplayCommand::ReplayCommand(const Options &options, QTextStream &out, QTextStream &err,
                             QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
    , m_network(new QNetworkAccessManager(this))
    , m_progressTimer(this) {
    m_progressTimer.setInterval(1000);
    connect(&m_progressTimer, &QTimer::timeout, this, &ReplayCommand::printProgress);
}

ReplayCommand::~ReplayCommand() = default;

QUrl ReplayCommand::eventsUrl() const {
    QUrl url = m_options.apiUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString session = QString::fromLatin1(QUrl::toPercentEncoding(m_options.sessionId));
    url.setPath(path + QStringLiteral("/api/sessions/") + session + QStringLiteral("/events"),
                QUrl::StrictMode);
    return url;
}

void ReplayCommand::start() {
    // Rotated files replay in recording order, whatever order the shell named them in.
    m_replay = std::make_unique<ReplaySource>(
        RecordingReader::seriesOrder(m_options.files), m_options.speed,
        [this](const RecordedEvent &event) { enqueue(event); });
    connect(m_replay.get(), &ReplaySource::finished, this, &ReplayCommand::onReplayFinished);
    m_clock.start();
    if (!m_replay->start()) {
        m_err << "replay: " << m_replay->errorString() << '\n';
        QMetaObject::invokeMethod(
            this, [this] { finish(Unreadable); }, Qt::QueuedConnection);
        return;
    }
    m_out << "replay: " << m_replay->progress().total << " events from " << m_options.files.size()
          << " file(s) to " << eventsUrl().toDisplayString() << " at speed " << m_options.speed
          << '\n';
    m_out.flush();
    m_progressTimer.start();
}

void ReplayCommand::enqueue(const RecordedEvent &event) {
    m_waiting.append(ndjsonLine(event));
    if (m_waiting.size() >= MaxWaitingEvents)
        m_replay->setPaused(true);
    // Everything that falls due in this turn of the event loop goes into one request.
    if (!m_sendScheduled) {
        m_sendScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_sendScheduled = false;
            sendWaiting();
        });
    }
}

void ReplayCommand::sendWaiting() {
    if (m_finished || m_inFlight || m_waiting.isEmpty())
        return;
    // Bounded by events and bytes, so large payloads stay below the API's body limit.
    QByteArray body;
    int count = 0;
    while (count < m_waiting.size() && count < MaxEventsPerRequest
           && (count == 0 || body.size() + m_waiting.at(count).size() <= MaxBytesPerRequest)) {
        body.append(m_waiting.at(count));
        ++count;
    }
    m_waiting.remove(0, count);

    QNetworkRequest request(eventsUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-ndjson"));
    if (!m_options.apiToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.apiToken.toUtf8());
    QNetworkReply *reply = m_network->post(request, body);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, count] { onReplyFinished(reply, count); });
}

void ReplayCommand::onReplyFinished(QNetworkReply *reply, int events) {
    reply->deleteLater();
    m_inFlight = nullptr;
    if (m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        m_err << "replay: cannot reach " << eventsUrl().toDisplayString() << ": "
              << reply->errorString() << '\n';
        finish(ApiError);
        return;
    }
    if (status < 200 || status > 299) {
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        m_err << "replay: API error (HTTP " << status
              << "): " << apiErrorText(reply->readAll(), status, reason) << '\n';
        finish(ApiError);
        return;
    }
    m_sent += events;
    if (m_replay->isPaused() && m_waiting.size() < MaxWaitingEvents / 2)
        m_replay->setPaused(false);
    if (m_replayDone && m_waiting.isEmpty()) {
        finish(Success);
        return;
    }
    sendWaiting();
}

void ReplayCommand::onReplayFinished() {
    m_replayDone = true;
    if (m_waiting.isEmpty() && !m_inFlight && !m_sendScheduled)
        finish(Success);
}

void ReplayCommand::printProgress() {
    const ReplaySource::Progress progress = m_replay->progress();
    m_out << "replay: " << progress.done << '/' << progress.total << " events, " << m_sent
          << " sent\n";
    m_out.flush();
}

void ReplayCommand::printProblems() {
    const RecordingReader &reader = m_replay->reader();
    const QStringList &problems = reader.problems();
    for (int i = 0; i < qMin<int>(int(problems.size()), MaxProblemsShown); ++i)
        m_err << "replay: skipped " << problems.at(i) << '\n';
    if (reader.malformedLines() > MaxProblemsShown)
        m_err << "replay: ... and " << reader.malformedLines() - MaxProblemsShown
              << " more malformed lines\n";
}

void ReplayCommand::finish(int exitCode) {
    if (m_finished)
        return;
    m_finished = true;
    m_progressTimer.stop();
    if (m_replay)
        m_replay->stop();
    if (m_inFlight)
        m_inFlight->abort();
    if (exitCode != Unreadable) {
        printProblems();
        m_out << "replay: sent " << m_sent << " events to session " << m_options.sessionId << " in "
              << QString::number(double(m_clock.elapsed()) / 1000.0, 'f', 1) << " s";
        if (m_replay->reader().malformedLines() > 0)
            m_out << " (" << m_replay->reader().malformedLines() << " malformed lines skipped)";
        m_out << '\n';
    }
    m_out.flush();
    m_err.flush();
    emit finished(exitCode);
}
