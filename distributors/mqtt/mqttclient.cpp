#include "mqttclient.h"

#include "mqttlibraryerrors.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalBlocker>

#include <mosquitto.h>
#include <openssl/ssl.h>

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <mutex>

Q_LOGGING_CATEGORY(lcMqttClient, "labrelay.mqtt.client", QtInfoMsg)

namespace {

// Keep-alive is counted in whole seconds; checking once a second is precise enough.
constexpr int HousekeepingIntervalMs = 1000;

void initLibraryOnce() {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

} // namespace

void MqttClient::HandleDeleter::operator()(mosquitto *handle) const {
    mosquitto_destroy(handle);
}

MqttClient::MqttClient(QObject *parent)
    : QObject(parent) {
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    m_housekeepingTimer.setInterval(HousekeepingIntervalMs);
    m_connectTimer.setSingleShot(true);
    m_dispatchTimer.setSingleShot(true);
    m_dispatchTimer.setInterval(0);

    connect(&m_readNotifier, &QSocketNotifier::activated, this, [this] {
        if (m_handle && pendingConnectSucceeded())
            afterLibraryCall(mosquitto_loop_read(m_handle.get(), 1), true);
    });
    connect(&m_writeNotifier, &QSocketNotifier::activated, this, [this] {
        if (!m_handle || !pendingConnectSucceeded())
            return;
        // While TLS is being negotiated libmosquitto advances SSL_connect only on its read path.
        const int result = tlsHandshakeRunning() ? mosquitto_loop_read(m_handle.get(), 1)
                                                 : mosquitto_loop_write(m_handle.get(), 1);
        afterLibraryCall(result, true);
    });
    connect(&m_housekeepingTimer, &QTimer::timeout, this, [this] {
        if (m_handle)
            afterLibraryCall(mosquitto_loop_misc(m_handle.get()), true);
    });
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(ClientError::TransportInvalid, QAbstractSocket::SocketTimeoutError,
             QStringLiteral("MQTT connection timeout: no CONNACK from %1 within %2 ms")
                 .arg(brokerAddress())
                 .arg(m_connectTimeoutMs));
    });
    connect(&m_dispatchTimer, &QTimer::timeout, this, &MqttClient::dispatchEvents);
}

MqttClient::~MqttClient() {
    const QSignalBlocker blocker(this);
    disconnectFromHost();
}

void MqttClient::setWill(const QString &topic, const QByteArray &payload, int qos, bool retain) {
    m_willTopic = topic;
    m_willPayload = payload;
    m_willQos = qos;
    m_willRetain = retain;
}

void MqttClient::connectToHost() {
    if (m_state != State::Disconnected)
        return;
    m_error = ClientError::NoError;
    m_errorString.clear();
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_lastLibraryError.clear();
    const QPointer<MqttClient> self(this);
    setState(State::Connecting);
    if (!self || m_state != State::Connecting)
        return; // a slot changed its mind
    m_connectTimer.start(m_connectTimeoutMs);

    // libmosquitto resolves names with a blocking getaddrinfo(), so plain TCP resolves here
    // first and hands over an address. TLS needs the host name itself to verify the broker's
    // certificate, so mqtts:// passes the name on (an address literal or a local name in a lab).
    if (m_tls || !QHostAddress(m_hostname).isNull()) {
        openSession(m_hostname);
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_hostname, this, &MqttClient::onHostLookedUp);
}

void MqttClient::onHostLookedUp(const QHostInfo &info) {
    if (info.lookupId() != m_lookupId || m_state != State::Connecting)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(ClientError::TransportInvalid, QAbstractSocket::HostNotFoundError,
             QStringLiteral("Cannot connect to MQTT broker %1: %2")
                 .arg(brokerAddress(), info.errorString()));
        return;
    }
    m_candidates = info.addresses();
    openSession(m_candidates.takeFirst().toString());
}

void MqttClient::openSession(const QString &connectHost) {
    initLibraryOnce();
    const QByteArray id = m_clientId.toUtf8();
    errno = 0;
    m_handle.reset(mosquitto_new(id.isEmpty() ? nullptr : id.constData(), m_cleanSession, this));
    if (!m_handle) {
        fail(ClientError::UnknownError, QAbstractSocket::UnknownSocketError,
             QStringLiteral("Cannot create an MQTT client for %1: %2")
                 .arg(brokerAddress(), MqttLibraryErrors::text(MOSQ_ERR_ERRNO, errno)));
        return;
    }
    if (!configureHandle())
        return;
    errno = 0;
    const int result = mosquitto_connect_async(m_handle.get(), connectHost.toUtf8().constData(),
                                               m_port, m_keepAlive);
    if (result != MOSQ_ERR_SUCCESS) {
        handleClosed(result, errno);
        return;
    }
    const int socket = mosquitto_socket(m_handle.get());
    m_readNotifier.setSocket(socket);
    m_readNotifier.setEnabled(true);
    m_writeNotifier.setSocket(socket);
    m_housekeepingTimer.start();
    afterLibraryCall(MOSQ_ERR_SUCCESS, false);
}

bool MqttClient::configureHandle() {
    mosquitto *handle = m_handle.get();
    mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION,
                         m_protocolVersion == ProtocolVersion::Mqtt5 ? MQTT_PROTOCOL_V5
                                                                     : MQTT_PROTOCOL_V311);
    mosquitto_int_option(handle, MOSQ_OPT_SEND_MAXIMUM, std::clamp(m_maxInflight, 1, 65535));
    // Live samples are small and latency matters more than packet count: without this, Nagle's
    // algorithm holds publishes back for the previous packet's ACK (milliseconds on loopback).
    mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_callback_set(handle, &MqttClient::onConnectCallback);
    mosquitto_disconnect_callback_set(handle, &MqttClient::onDisconnectCallback);
    mosquitto_publish_callback_set(handle, &MqttClient::onPublishCallback);
    mosquitto_subscribe_callback_set(handle, &MqttClient::onSubscribeCallback);
    mosquitto_message_callback_set(handle, &MqttClient::onMessageCallback);
    mosquitto_log_callback_set(handle, &MqttClient::onLogCallback);

    if (!m_username.isEmpty()) {
        const QByteArray password = m_password.toUtf8();
        mosquitto_username_pw_set(handle, m_username.toUtf8().constData(),
                                  m_password.isEmpty() ? nullptr : password.constData());
    }
    if (!m_willTopic.isEmpty()) {
        const int result =
            mosquitto_will_set(handle, m_willTopic.toUtf8().constData(), int(m_willPayload.size()),
                               m_willPayload.constData(), m_willQos, m_willRetain);
        if (result != MOSQ_ERR_SUCCESS) {
            fail(ClientError::ProtocolViolation, QAbstractSocket::UnknownSocketError,
                 QStringLiteral("MQTT last will on topic %1 is not valid: %2")
                     .arg(m_willTopic, MqttLibraryErrors::text(result, 0)));
            return false;
        }
    }
    if (!m_tls)
        return true;
    int result = MOSQ_ERR_SUCCESS;
    if (!m_caFile.isEmpty()) {
        const QFileInfo caFile(m_caFile);
        if (!caFile.isFile() || !caFile.isReadable()) {
            fail(ClientError::TransportInvalid, QAbstractSocket::SslInvalidUserDataError,
                 QStringLiteral("MQTT CA file %1 for %2 is not readable")
                     .arg(m_caFile, brokerAddress()));
            return false;
        }
        result = mosquitto_tls_set(handle, QFile::encodeName(m_caFile).constData(), nullptr,
                                   nullptr, nullptr, nullptr);
    } else {
        result = mosquitto_int_option(handle, MOSQ_OPT_TLS_USE_OS_CERTS, 1);
    }
    if (result != MOSQ_ERR_SUCCESS) {
        fail(ClientError::TransportInvalid, QAbstractSocket::SslInvalidUserDataError,
             QStringLiteral("Cannot set up TLS for MQTT broker %1: %2")
                 .arg(brokerAddress(), MqttLibraryErrors::text(result, 0)));
        return false;
    }
    return true;
}

void MqttClient::disconnectFromHost() {
    if (m_state == State::Disconnected)
        return;
    if (m_handle && m_state == State::Connected) {
        // DISCONNECT queues behind anything unsent and goes out now if the socket takes it;
        // one more non-blocking write covers a partly written queue.
        mosquitto_disconnect(m_handle.get());
        if (mosquitto_socket(m_handle.get()) >= 0 && mosquitto_want_write(m_handle.get()))
            mosquitto_loop_write(m_handle.get(), 1);
    }
    teardown();
    m_error = ClientError::NoError;
    m_errorString.clear();
    setState(State::Disconnected);
}

void MqttClient::abort() {
    if (m_state == State::Disconnected)
        return;
    teardown();
    setState(State::Disconnected);
}

int MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain) {
    return publish(topic.toUtf8(), payload, qos, retain);
}

int MqttClient::publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain) {
    m_lastPublishError.clear();
    if (!m_handle || m_state != State::Connected) {
        m_lastPublishError = QStringLiteral("not connected to the broker");
        return -1;
    }
    int messageId = 0;
    errno = 0;
    const int result = mosquitto_publish(m_handle.get(), &messageId, topic.constData(),
                                         int(payload.size()), payload.constData(), qos, retain);
    if (result != MOSQ_ERR_SUCCESS)
        m_lastPublishError = MqttLibraryErrors::text(result, errno);
    afterLibraryCall(result, false);
    return result == MOSQ_ERR_SUCCESS ? messageId : -1;
}

int MqttClient::subscribe(const QString &topicFilter, int qos) {
    if (!m_handle || m_state != State::Connected)
        return -1;
    int messageId = 0;
    const int result =
        mosquitto_subscribe(m_handle.get(), &messageId, topicFilter.toUtf8().constData(), qos);
    afterLibraryCall(result, false);
    return result == MOSQ_ERR_SUCCESS ? messageId : -1;
}

bool MqttClient::pendingConnectSucceeded() {
    if (m_state != State::Connecting)
        return true;
    // A non-blocking connect reports its outcome through SO_ERROR. Checking it here keeps a
    // refused TLS connect from being retried by OpenSSL on every notification.
    int error = 0;
    socklen_t length = sizeof(error);
    if (getsockopt(mosquitto_socket(m_handle.get()), SOL_SOCKET, SO_ERROR, &error, &length) != 0
        || error == 0)
        return true;
    handleClosed(MOSQ_ERR_ERRNO, error);
    return false;
}

void MqttClient::afterLibraryCall(int result, bool dispatchNow) {
    const int systemError = errno;
    if (m_handle && mosquitto_socket(m_handle.get()) < 0) {
        // libmosquitto closed the socket: stop watching the descriptor before it is reused.
        m_readNotifier.setEnabled(false);
        m_writeNotifier.setEnabled(false);
        m_housekeepingTimer.stop();
        const bool reported = std::any_of(m_events.begin(), m_events.end(), [](const auto &e) {
            return e.kind == LibraryEvent::Kind::Closed;
        });
        if (!reported)
            m_events.emplace_back(LibraryEvent::Kind::Closed, result, systemError);
    } else if (m_handle) {
        updateWriteNotifier();
    }
    if (m_events.empty())
        return;
    if (dispatchNow)
        dispatchEvents();
    else if (!m_dispatchTimer.isActive()) // restarting it for every publish costs more than sending
        m_dispatchTimer.start();          // the caller gets its return value before any signal
}

void MqttClient::updateWriteNotifier() {
    bool wantWrite = false;
    if (tlsHandshakeRunning()) {
        // libmosquitto's want-write flag can be stale during the handshake; OpenSSL knows
        // whether it waits for the broker (the read notifier wakes us then).
        wantWrite = !SSL_want_read(static_cast<SSL *>(mosquitto_ssl_get(m_handle.get())));
    } else {
        wantWrite = mosquitto_want_write(m_handle.get());
    }
    if (m_writeNotifier.isEnabled() != wantWrite)
        m_writeNotifier.setEnabled(wantWrite);
}

bool MqttClient::tlsHandshakeRunning() const {
    const auto *ssl = static_cast<const SSL *>(mosquitto_ssl_get(m_handle.get()));
    return ssl && !SSL_is_init_finished(ssl);
}

void MqttClient::dispatchEvents() {
    const QPointer<MqttClient> self(this);
    while (self && !m_events.empty()) {
        LibraryEvent event = std::move(m_events.front());
        m_events.pop_front();
        switch (event.kind) {
        case LibraryEvent::Kind::Connack:
            handleConnack(event.code);
            break;
        case LibraryEvent::Kind::Closed:
            handleClosed(event.code, event.systemError);
            break;
        case LibraryEvent::Kind::Published:
            emit published(event.code);
            break;
        case LibraryEvent::Kind::Subscribed:
            emit subscribed(event.code);
            break;
        case LibraryEvent::Kind::Message:
            emit messageReceived(event.topic, event.payload, event.retained);
            break;
        }
    }
}

void MqttClient::handleConnack(int code) {
    if (m_state != State::Connecting)
        return;
    if (code == 0) {
        m_connectTimer.stop();
        setState(State::Connected);
        return;
    }
    const MqttLibraryErrors::Refusal refusal = MqttLibraryErrors::refusal(code);
    fail(refusal.error, QAbstractSocket::UnknownSocketError,
         QStringLiteral("MQTT broker refused the connection: ") + refusal.text);
}

void MqttClient::handleClosed(int result, int systemError) {
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Connecting && result == MOSQ_ERR_ERRNO && !m_candidates.isEmpty()) {
        // "localhost" may resolve to ::1 first while the broker listens on 127.0.0.1 only.
        closeHandle();
        openSession(m_candidates.takeFirst().toString());
        return;
    }
    QString reason = MqttLibraryErrors::text(result, systemError);
    if (MqttLibraryErrors::isTlsFailure(result) && !m_lastLibraryError.isEmpty())
        reason += QStringLiteral(" (") + m_lastLibraryError + QLatin1Char(')');
    const ClientError error = result == MOSQ_ERR_PROTOCOL ? ClientError::ProtocolViolation
                                                          : ClientError::TransportInvalid;
    const QString message =
        m_state == State::Connecting
            ? QStringLiteral("Cannot connect to MQTT broker %1: %2").arg(brokerAddress(), reason)
            : QStringLiteral("MQTT connection to %1 lost: %2").arg(brokerAddress(), reason);
    fail(error, MqttLibraryErrors::socketError(result, systemError), message);
}

void MqttClient::fail(ClientError error, QAbstractSocket::SocketError socketError,
                      const QString &message) {
    teardown();
    m_error = error;
    m_socketError = socketError;
    m_errorString = message;
    qCDebug(lcMqttClient) << message;
    const bool changed = m_state != State::Disconnected;
    m_state = State::Disconnected; // consistent for slots of errorOccurred
    const QPointer<MqttClient> self(this);
    emit errorOccurred(error);
    if (self && changed)
        emit stateChanged(m_state);
}

void MqttClient::teardown() {
    m_connectTimer.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_candidates.clear();
    closeHandle();
}

void MqttClient::closeHandle() {
    m_housekeepingTimer.stop();
    m_dispatchTimer.stop();
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    m_events.clear();
    m_handle.reset(); // closes the socket without a DISCONNECT packet
}

void MqttClient::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString MqttClient::brokerAddress() const {
    if (m_hostname.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(m_hostname).arg(m_port);
    return QStringLiteral("%1:%2").arg(m_hostname).arg(m_port);
}

// libmosquitto callbacks: they run inside mosquitto_loop_* and only record what happened.

void MqttClient::onConnectCallback(mosquitto *, void *client, int code) {
    static_cast<MqttClient *>(client)->m_events.emplace_back(LibraryEvent::Kind::Connack, code);
}

void MqttClient::onDisconnectCallback(mosquitto *, void *client, int code) {
    const int systemError = errno;
    static_cast<MqttClient *>(client)->m_events.emplace_back(LibraryEvent::Kind::Closed, code,
                                                             systemError);
}

void MqttClient::onPublishCallback(mosquitto *, void *client, int messageId) {
    static_cast<MqttClient *>(client)->m_events.emplace_back(LibraryEvent::Kind::Published,
                                                             messageId);
}

void MqttClient::onSubscribeCallback(mosquitto *, void *client, int messageId, int, const int *) {
    static_cast<MqttClient *>(client)->m_events.emplace_back(LibraryEvent::Kind::Subscribed,
                                                             messageId);
}

void MqttClient::onMessageCallback(mosquitto *, void *client, const mosquitto_message *message) {
    LibraryEvent event{LibraryEvent::Kind::Message, message->mid};
    event.topic = QString::fromUtf8(message->topic);
    event.payload =
        QByteArray(static_cast<const char *>(message->payload), qsizetype(message->payloadlen));
    event.retained = message->retain;
    static_cast<MqttClient *>(client)->m_events.push_back(std::move(event));
}

void MqttClient::onLogCallback(mosquitto *, void *client, int level, const char *text) {
    if (level & MOSQ_LOG_ERR)
        static_cast<MqttClient *>(client)->m_lastLibraryError = QString::fromUtf8(text);
    qCDebug(lcMqttClient) << "libmosquitto:" << text;
}
