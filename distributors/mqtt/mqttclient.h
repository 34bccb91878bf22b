#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSocketNotifier>
#include <QString>
#include <QTimer>

#include <deque>
#include <memory>

class QHostInfo;
struct mosquitto;
struct mosquitto_message;

// An MQTT 3.1.1 / 5 client on libmosquitto, shaped like QMqttClient (Qt MQTT is not available
// on this platform).
//
// The socket is driven by the Qt event loop: a read notifier feeds mosquitto_loop_read, a write
// notifier (enabled only while libmosquitto has bytes to send) feeds mosquitto_loop_write, and a
// timer runs mosquitto_loop_misc for keep-alive. libmosquitto's own threads and blocking loops
// are never used, so every callback arrives on the owning thread. Callbacks only record what
// happened; the signals are emitted once libmosquitto has returned, so slots may call back into
// the client (publish, disconnect, even delete it).
//
// The client does not reconnect by itself: its owner decides when to try again.
class MqttClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttClient)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    enum class ClientError {
        NoError,
        InvalidProtocolVersion,
        IdRejected,
        ServerUnavailable,
        BadUsernameOrPassword,
        NotAuthorized,
        TransportInvalid, // the network or TLS layer failed; see socketError()
        ProtocolViolation,
        UnknownError,
    };
    Q_ENUM(ClientError)

    enum class ProtocolVersion { Mqtt311, Mqtt5 };
    Q_ENUM(ProtocolVersion)

    explicit MqttClient(QObject *parent = nullptr);
    ~MqttClient() override;

    // Settings take effect at the next connectToHost().
    void setHostname(const QString &hostname) { m_hostname = hostname; }
    QString hostname() const { return m_hostname; }
    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }
    // Empty: libmosquitto generates one (MQTT 3.1.1) or the broker assigns one (MQTT 5).
    void setClientId(const QString &clientId) { m_clientId = clientId; }
    QString clientId() const { return m_clientId; }
    void setUsername(const QString &username) { m_username = username; }
    void setPassword(const QString &password) { m_password = password; }
    void setKeepAlive(int seconds) { m_keepAlive = seconds; }
    void setCleanSession(bool clean) { m_cleanSession = clean; }
    void setProtocolVersion(ProtocolVersion version) { m_protocolVersion = version; }
    // mqtts: verify the broker against `caFile`, or the system CAs when it is empty.
    void setTlsEnabled(bool enabled) { m_tls = enabled; }
    void setCaFile(const QString &caFile) { m_caFile = caFile; }
    void setWill(const QString &topic, const QByteArray &payload, int qos, bool retain);
    void clearWill() { m_willTopic.clear(); }
    // From connectToHost() to CONNACK, name resolution and TLS included.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    // QoS 1/2 messages libmosquitto keeps on the wire at once; more wait inside libmosquitto.
    void setMaxInflight(int messages) { m_maxInflight = messages; }

    State state() const { return m_state; }
    ClientError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The network-level cause when error() is TransportInvalid.
    QAbstractSocket::SocketError socketError() const { return m_socketError; }

    void connectToHost();
    // Sends DISCONNECT (the broker discards the will) and releases the socket before returning.
    void disconnectFromHost();
    // Drops the connection without DISCONNECT, as a network failure would: the broker publishes
    // the will.
    void abort();

    // Returns the message id, or -1 when the message could not be queued (lastPublishError()).
    // published(id) follows once it is written (QoS 0), acknowledged (QoS 1) or complete (QoS 2).
    int publish(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false);
    // The same with the topic already in UTF-8 (the distributor keeps it per event name).
    int publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain);
    QString lastPublishError() const { return m_lastPublishError; }
    // Returns the message id, or -1; subscribed(id) follows with the broker's SUBACK.
    int subscribe(const QString &topicFilter, int qos = 0);

signals:
    void stateChanged(MqttClient::State state);
    void errorOccurred(MqttClient::ClientError error);
    void published(int messageId);
    void subscribed(int messageId);
    void messageReceived(const QString &topic, const QByteArray &payload, bool retained);

private:
    struct LibraryEvent {
        enum class Kind { Connack, Closed, Published, Subscribed, Message };
        LibraryEvent(Kind kind, int code, int systemError = 0)
            : kind(kind)
            , code(code)
            , systemError(systemError) {}

        Kind kind;
        int code = 0;        // CONNACK code, libmosquitto result, or message id
        int systemError = 0; // errno at the time of a Closed event
        QString topic;
        QByteArray payload;
        bool retained = false;
    };

    static void onConnectCallback(mosquitto *handle, void *client, int code);
    static void onDisconnectCallback(mosquitto *handle, void *client, int code);
    static void onPublishCallback(mosquitto *handle, void *client, int messageId);
    static void onSubscribeCallback(mosquitto *handle, void *client, int messageId, int count,
                                    const int *grantedQos);
    static void onMessageCallback(mosquitto *handle, void *client,
                                  const mosquitto_message *message);
    static void onLogCallback(mosquitto *handle, void *client, int level, const char *text);

    void onHostLookedUp(const QHostInfo &info);
    void openSession(const QString &connectHost);
    bool configureHandle();
    bool pendingConnectSucceeded();
    void afterLibraryCall(int result, bool dispatchNow);
    void updateWriteNotifier();
    bool tlsHandshakeRunning() const;
    void dispatchEvents();
    void handleConnack(int code);
    void handleClosed(int result, int systemError);
    void fail(ClientError error, QAbstractSocket::SocketError socketError, const QString &message);
    void teardown();
    void closeHandle();
    void setState(State state);
    QString brokerAddress() const;

    struct HandleDeleter {
        void operator()(mosquitto *handle) const;
    };
    std::unique_ptr<mosquitto, HandleDeleter> m_handle;

    QString m_hostname = QStringLiteral("localhost");
    quint16 m_port = 1883;
    QString m_clientId;
    QString m_username;
    QString m_password;
    int m_keepAlive = 60;
    bool m_cleanSession = true;
    ProtocolVersion m_protocolVersion = ProtocolVersion::Mqtt311;
    bool m_tls = false;
    QString m_caFile;
    QString m_willTopic;
    QByteArray m_willPayload;
    int m_willQos = 0;
    bool m_willRetain = false;
    int m_connectTimeoutMs = 30000;
    int m_maxInflight = 20;

    State m_state = State::Disconnected;
    ClientError m_error = ClientError::NoError;
    QString m_errorString;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    QString m_lastPublishError;
    QString m_lastLibraryError; // the last error libmosquitto logged (OpenSSL details)
    int m_lookupId = -1;
    QList<QHostAddress> m_candidates; // further addresses of the broker's name

    std::deque<LibraryEvent> m_events;
    QSocketNotifier m_readNotifier{QSocketNotifier::Read, this};
    QSocketNotifier m_writeNotifier{QSocketNotifier::Write, this};
    QTimer m_housekeepingTimer{this};
    QTimer m_connectTimer{this};
    QTimer m_dispatchTimer{this};
};
