#pragma once

#include "apirouter.h"
#include "controlapioptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class ApiHttpServer;
class DistributorEndpoints;
class EventEndpoints;
class InputEndpoints;
class ProbeEndpoints;
class QTcpServer;
class SessionEndpoints;
class SessionManager;
class UdpIngest;

// The local control and ingest API (issue 6): JSON over HTTP on loopback by default. It lives
// on the SessionManager's thread and calls the manager directly; engine operations that answer
// with a QFuture are answered when the future resolves. Every request is checked in the same
// order — token (401), path and method (404/405), body size (413), content type (415) — before
// an endpoint sees it, and every error has the shape {"error": "...", "details": [...]}.
//
// The endpoints (a path with other methods answers 405 with the allowed ones in Allow):
//   GET    /api/health                                 status, version, uptime, UDP ingest
//   GET    /api/runtime                                RuntimeInfo (environment, defaults)
//   GET    /api/templates, /api/templates/{name}       configuration templates
//   GET    /api/sessions                               the session list
//   POST   /api/sessions                               create (a session config + sessionId)
//   GET    /api/sessions/{id}                          status
//   DELETE /api/sessions/{id}                          close
//   GET    /api/sessions/{id}/export                   the session config file, secrets omitted
//   GET    /api/sessions/{id}/snapshot                 counters, rates, probes, inputs (fresh)
//   PUT    /api/sessions/{id}/distributors/{type}      enable, or reconfigure (?replace=true)
//   DELETE /api/sessions/{id}/distributors/{type}      disable
//   PUT    /api/sessions/{id}/distributors/{type}/probe  {"enabled": bool} → the probe snapshot
//   PUT    /api/sessions/{id}/routing                  replace the routing table
//   PATCH  /api/sessions/{id}/routing                  merge into it
//   POST   /api/sessions/{id}/events                   ingest: one event, an array, or NDJSON
//   POST   /api/sessions/{id}/synthetic                start (or restart) the synthetic source
//   DELETE /api/sessions/{id}/synthetic                stop it
//   POST   /api/sessions/{id}/recording                record routed envelopes to a directory
//   DELETE /api/sessions/{id}/recording                stop recording
//   POST   /api/sessions/{id}/replay                   replay recording files (202)
//   DELETE /api/sessions/{id}/replay                   stop the replay
class ControlApiServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlApiServer)

public:
    ControlApiServer(SessionManager *manager, const ControlApiOptions &options,
                     QObject *parent = nullptr);
    ~ControlApiServer() override;

    // Starts listening. Empty on success; otherwise why not, naming the address and port.
    QString listen();
    void close();
    bool isListening() const;
    // The port in use (the one the OS picked when the options said 0).
    quint16 serverPort() const;
    QString listenAddressText() const;
    const ControlApiOptions &options() const { return m_options; }

    // GET /api/health reports this ingest's counters while it exists.
    void setUdpIngest(UdpIngest *ingest);

signals:
    // A request without the right token was refused (the token itself is never reported).
    void unauthorisedRequest(const QString &peer, const QString &method, const QString &path);

private:
    void dispatch(const ApiRequest &request, const std::shared_ptr<ApiResponder> &responder);
    bool isAuthorised(const ApiRequest &request) const;
    std::optional<ApiReply> checkBody(const ApiRequest &request, ApiRouter::Body body) const;
    void health(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
    ControlApiOptions m_options;
    ApiHttpServer *m_http = nullptr; // child
    QPointer<QTcpServer> m_listener; // owned by m_http once bound
    ApiRouter m_router;
    std::unique_ptr<SessionEndpoints> m_sessionEndpoints;
    std::unique_ptr<DistributorEndpoints> m_distributorEndpoints;
    std::unique_ptr<EventEndpoints> m_eventEndpoints;
    std::unique_ptr<InputEndpoints> m_inputEndpoints;
    std::unique_ptr<ProbeEndpoints> m_probeEndpoints;
    QPointer<UdpIngest> m_ingest;
    QElapsedTimer m_uptime;
};
