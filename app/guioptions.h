#pragma once

#include "controlpanel.h"
#include "result.h"

class QApplication;
class QCommandLineParser;

// The window's command-line options: --demo, --lang, --no-api and the API options it shares
// with headless mode.
struct GuiOptions {
    ControlPanel::Options controlPanel;
    QString language;       // "de", "en", or empty for the system locale
    QString screenshotPath; // --screenshot: save a picture of the window, then quit
    int screenshotDelayMs = 8000;
    int screenshotTab = 0; // the central tab shown in the screenshot

    static void declare(QCommandLineParser &parser);
    static Result<GuiOptions> read(const QCommandLineParser &parser);
    // Loads LabRelay's and Qt's translations for `language` (German when the locale is German).
    void installTranslations(QApplication &app) const;
};
