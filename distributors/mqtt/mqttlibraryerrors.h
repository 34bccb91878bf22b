#pragma once

#include "mqttclient.h"

#include <QAbstractSocket>
#include <QString>

// What libmosquitto's result codes and the broker's CONNACK codes mean, in words an operator
// can act on.
namespace MqttLibraryErrors {

struct Refusal {
    MqttClient::ClientError error;
    QString text;
};

// A CONNACK return code (MQTT 3.1.1) or reason code (MQTT 5) other than success.
Refusal refusal(int code);
// A libmosquitto result; `systemError` is errno for MOSQ_ERR_ERRNO.
QString text(int result, int systemError);
QAbstractSocket::SocketError socketError(int result, int systemError);
bool isTlsFailure(int result);

} // namespace MqttLibraryErrors
