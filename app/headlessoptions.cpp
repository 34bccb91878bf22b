#include "headlessoptions.h"

#include <QCommandLineParser>

namespace {

const QString Headless = QStringLiteral("headless");
const QString Config = QStringLiteral("config");
const QString ApiPort = QStringLiteral("api-port");
const QString ApiBind = QStringLiteral("api-bind");
const QString ApiToken = QStringLiteral("api-token");
const QString IngestUdpPort = QStringLiteral("ingest-udp-port");

// A port option, 0-65535 (0: the OS picks a free port).
std::optional<quint16> readPort(const QString &text) {
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return std::nullopt;
    return quint16(value);
}

} // namespace

void HeadlessOptions::declare(QCommandLineParser &parser) {
    parser.addOption({Headless, tr("Run without a window: create the sessions of the --config "
                                   "files, serve the control API, stop on SIGINT/SIGTERM.")});
    parser.addOption({Config, tr("A session config file to run (repeatable)."), tr("file")});
    parser.addOption({ApiPort,
                      tr("Port of the control API (default %1; 0 picks a free port).")
                          .arg(ControlApiOptions::DefaultPort),
                      tr("port")});
    parser.addOption(
        {ApiBind, tr("Address the control API binds to (default 127.0.0.1)."), tr("address")});
    parser.addOption({ApiToken,
                      tr("Bearer token the API requires; mandatory off loopback. "
                         "LABRELAY_API_TOKEN is read when this is not given."),
                      tr("token")});
    parser.addOption(
        {IngestUdpPort,
         tr("Accept NDJSON events on this UDP port (off by default; 0 picks a free port)."),
         tr("port")});
}

bool HeadlessOptions::requested(const QCommandLineParser &parser) {
    return parser.isSet(Headless);
}

Result<HeadlessOptions> HeadlessOptions::read(const QCommandLineParser &parser) {
    using R = Result<HeadlessOptions>;
    HeadlessOptions options;
    options.configFiles = parser.values(Config);
    if (options.configFiles.isEmpty())
        return R::failure(QStringLiteral("--config: name at least one session config file"));
    const Result<ControlApiOptions> api = readApi(parser);
    if (!api)
        return R::failure(api.error());
    options.api = api.value();
    if (parser.isSet(IngestUdpPort)) {
        const auto port = readPort(parser.value(IngestUdpPort));
        if (!port)
            return R::failure(
                QStringLiteral("--ingest-udp-port: expected a port 0-65535, got \"%1\"")
                    .arg(parser.value(IngestUdpPort)));
        options.ingestUdpPort = *port;
    }
    return R::success(options);
}

Result<ControlApiOptions> HeadlessOptions::readApi(const QCommandLineParser &parser) {
    using R = Result<ControlApiOptions>;
    ControlApiOptions api;
    if (parser.isSet(ApiPort)) {
        const auto port = readPort(parser.value(ApiPort));
        if (!port)
            return R::failure(QStringLiteral("--api-port: expected a port 0-65535, got \"%1\"")
                                  .arg(parser.value(ApiPort)));
        api.port = *port;
    }
    if (parser.isSet(ApiBind)) {
        const QHostAddress address(parser.value(ApiBind));
        if (address.isNull())
            return R::failure(
                QStringLiteral("--api-bind: expected an IPv4 or IPv6 address, got \"%1\"")
                    .arg(parser.value(ApiBind)));
        api.bindAddress = address;
    }
    api.token = parser.isSet(ApiToken) ? parser.value(ApiToken)
                                       : qEnvironmentVariable("LABRELAY_API_TOKEN");
    if (!api.bindAddress.isLoopback() && api.token.isEmpty())
        return R::failure(QStringLiteral("--api-token: required when --api-bind is %1, which is "
                                         "not a loopback address")
                              .arg(api.bindAddress.toString()));
    return R::success(api);
}
