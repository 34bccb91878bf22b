#include "apiresponder.h"

ApiResponder::ApiResponder(QHttpServerResponder &&responder, QTcpSocket *socket)
    : m_responder(std::move(responder))
    , m_socket(socket) {}

ApiResponder::~ApiResponder() {
    if (!m_answered)
        send(ApiReply::error(HttpStatus::InternalServerError,
                             QStringLiteral("The request was dropped without an answer")));
}

bool ApiResponder::send(const ApiReply &reply) {
    if (m_answered)
        return false;
    m_answered = true;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    // The header list of QHttpServerResponder::write() is an initializer_list, so a reply with
    // a variable set of header fields is written field by field.
    m_responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    m_responder.writeHeader("Content-Type", reply.contentType);
    for (const auto &[name, value] : reply.headers)
        m_responder.writeHeader(name, value);
    m_responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    m_responder.writeBody(reply.body);
    return true;
}
