#pragma once

#include "apimessage.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

// Answers one request, possibly later than the handler returns (engine operations answer with a
// QFuture). QHttpServer 6.4 hands out a responder that holds a raw socket pointer, and the socket
// is deleted when the client disconnects; this wrapper watches the socket and drops an answer
// whose client has gone instead of writing to a dead socket.
class ApiResponder final {
    Q_DISABLE_COPY_MOVE(ApiResponder)

public:
    ApiResponder(QHttpServerResponder &&responder, QTcpSocket *socket);
    // A handler that forgot to answer would leave the client waiting forever: answer 500.
    ~ApiResponder();

    // Sends `reply`; later calls are ignored. False if the client had disconnected.
    bool send(const ApiReply &reply);
    bool hasAnswered() const { return m_answered; }

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_answered = false;
};
