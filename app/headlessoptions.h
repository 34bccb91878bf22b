#pragma once

#include "controlapioptions.h"
#include "result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// The command-line options of `labrelay --headless` (issue 6).
struct HeadlessOptions {
    Q_DECLARE_TR_FUNCTIONS(HeadlessOptions)

public:
    QStringList configFiles;
    ControlApiOptions api;
    std::optional<quint16> ingestUdpPort;

    // Declares --headless, --config, --api-port, --api-bind, --api-token, --ingest-udp-port.
    static void declare(QCommandLineParser &parser);
    static bool requested(const QCommandLineParser &parser);
    // Reads the options; a failure names the option and the rule. The token may also come from
    // the LABRELAY_API_TOKEN environment variable, which keeps it out of process listings.
    static Result<HeadlessOptions> read(const QCommandLineParser &parser);
    // Only --api-port, --api-bind and --api-token (the window serves the API as well).
    static Result<ControlApiOptions> readApi(const QCommandLineParser &parser);
};
