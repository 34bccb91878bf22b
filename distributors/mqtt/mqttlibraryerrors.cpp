#include "mqttlibraryerrors.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cerrno>
#include <cstring>

namespace MqttLibraryErrors {

Refusal refusal(int code) {
    using Error = MqttClient::ClientError;
    switch (code) {
    case CONNACK_REFUSED_PROTOCOL_VERSION:
    case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION:
        return {Error::InvalidProtocolVersion, QStringLiteral("unacceptable protocol version")};
    case CONNACK_REFUSED_IDENTIFIER_REJECTED:
    case MQTT_RC_CLIENTID_NOT_VALID:
        return {Error::IdRejected, QStringLiteral("client identifier rejected")};
    case CONNACK_REFUSED_SERVER_UNAVAILABLE:
    case MQTT_RC_SERVER_UNAVAILABLE:
    case MQTT_RC_SERVER_BUSY:
        return {Error::ServerUnavailable, QStringLiteral("server unavailable")};
    case CONNACK_REFUSED_BAD_USERNAME_PASSWORD:
    case MQTT_RC_BAD_USERNAME_OR_PASSWORD:
        return {Error::BadUsernameOrPassword, QStringLiteral("bad user name or password")};
    case CONNACK_REFUSED_NOT_AUTHORIZED:
    case MQTT_RC_NOT_AUTHORIZED:
    case MQTT_RC_BANNED:
        // mosquitto answers a wrong password with this code, so say what to check.
        return {Error::NotAuthorized,
                QStringLiteral("not authorized, check the user name and password")};
    default:
        return {Error::ProtocolViolation, QStringLiteral("%1 (code %2)")
                                              .arg(QString::fromUtf8(mosquitto_reason_string(code)))
                                              .arg(code)};
    }
}

QString text(int result, int systemError) {
    switch (result) {
    case MOSQ_ERR_ERRNO:
        return systemError != 0 ? QString::fromLocal8Bit(std::strerror(systemError))
                                : QStringLiteral("system error");
    case MOSQ_ERR_EAI:
        return QStringLiteral("host name not found");
    case MOSQ_ERR_CONN_LOST:
        return QStringLiteral("the broker closed the connection");
    case MOSQ_ERR_NO_CONN:
        return QStringLiteral("not connected");
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE:
        return QStringLiteral("TLS handshake failed");
    case MOSQ_ERR_KEEPALIVE:
        return QStringLiteral("no answer within the keep-alive interval");
    case MOSQ_ERR_PROTOCOL:
        return QStringLiteral("MQTT protocol error");
    case MOSQ_ERR_SUCCESS:
        return QStringLiteral("connection closed");
    default:
        return QString::fromUtf8(mosquitto_strerror(result));
    }
}

QAbstractSocket::SocketError socketError(int result, int systemError) {
    switch (result) {
    case MOSQ_ERR_EAI:
        return QAbstractSocket::HostNotFoundError;
    case MOSQ_ERR_CONN_LOST:
        return QAbstractSocket::RemoteHostClosedError;
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE:
        return QAbstractSocket::SslHandshakeFailedError;
    case MOSQ_ERR_KEEPALIVE:
        return QAbstractSocket::SocketTimeoutError;
    case MOSQ_ERR_ERRNO:
        break;
    default:
        return QAbstractSocket::UnknownSocketError;
    }
    switch (systemError) {
    case ECONNREFUSED:
        return QAbstractSocket::ConnectionRefusedError;
    case ETIMEDOUT:
        return QAbstractSocket::SocketTimeoutError;
    case ECONNRESET:
    case EPIPE:
        return QAbstractSocket::RemoteHostClosedError;
    case EHOSTUNREACH:
    case ENETUNREACH:
    case ENETDOWN:
        return QAbstractSocket::NetworkError;
    default:
        return QAbstractSocket::UnknownSocketError;
    }
}

bool isTlsFailure(int result) {
    return result == MOSQ_ERR_TLS || result == MOSQ_ERR_TLS_HANDSHAKE;
}

} // namespace MqttLibraryErrors
