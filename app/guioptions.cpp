#include "guioptions.h"

#include "headlessoptions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

const QString Demo = QStringLiteral("demo");
const QString Lang = QStringLiteral("lang");
const QString NoApi = QStringLiteral("no-api");
const QString Screenshot = QStringLiteral("screenshot");
const QString ScreenshotDelay = QStringLiteral("screenshot-delay");
const QString ScreenshotTab = QStringLiteral("screenshot-tab");

} // namespace

void GuiOptions::declare(QCommandLineParser &parser) {
    parser.addOption(
        {Demo, QCoreApplication::translate(
                   "main", "Open the loopback demo session with live synthetic data.")});
    parser.addOption({Lang,
                      QCoreApplication::translate("main", "Language of the window: de or en."),
                      QStringLiteral("language")});
    parser.addOption({NoApi, QCoreApplication::translate(
                                 "main", "Do not serve the control API from the window.")});
    parser.addOption(
        {Screenshot,
         QCoreApplication::translate("main", "Save a PNG of the window after a delay, then quit."),
         QStringLiteral("file")});
    parser.addOption({ScreenshotDelay,
                      QCoreApplication::translate("main", "Delay before --screenshot (ms)."),
                      QStringLiteral("ms"), QStringLiteral("8000")});
    parser.addOption(
        {ScreenshotTab,
         QCoreApplication::translate(
             "main", "Tab shown for --screenshot: 0 distributors, 1 routing, 2 health."),
         QStringLiteral("n"), QStringLiteral("0")});
}

Result<GuiOptions> GuiOptions::read(const QCommandLineParser &parser) {
    GuiOptions options;
    options.controlPanel.demo = parser.isSet(Demo);
    options.controlPanel.api = !parser.isSet(NoApi);
    const Result<ControlApiOptions> api = HeadlessOptions::readApi(parser);
    if (!api)
        return Result<GuiOptions>::failure(api.error());
    options.controlPanel.apiOptions = api.value();
    options.language = parser.value(Lang);
    options.screenshotPath = parser.value(Screenshot);
    bool delayOk = false;
    options.screenshotDelayMs = parser.value(ScreenshotDelay).toInt(&delayOk);
    bool tabOk = false;
    options.screenshotTab = parser.value(ScreenshotTab).toInt(&tabOk);
    if (!tabOk || options.screenshotTab < 0 || options.screenshotTab > 2)
        return Result<GuiOptions>::failure(
            QStringLiteral("--screenshot-tab: expected 0, 1 or 2, got \"%1\"")
                .arg(parser.value(ScreenshotTab)));
    if (!delayOk || options.screenshotDelayMs < 0)
        return Result<GuiOptions>::failure(
            QStringLiteral("--screenshot-delay: expected milliseconds, got \"%1\"")
                .arg(parser.value(ScreenshotDelay)));
    if (!options.language.isEmpty() && options.language != QLatin1String("de")
        && options.language != QLatin1String("en"))
        return Result<GuiOptions>::failure(
            QStringLiteral("--lang: expected de or en, got \"%1\"").arg(options.language));
    return Result<GuiOptions>::success(options);
}

void GuiOptions::installTranslations(QApplication &app) const {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() != QLocale::German)
        return;
    QLocale::setDefault(locale);
    auto *labrelay = new QTranslator(&app);
    if (labrelay->load(locale, QStringLiteral("labrelay"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(labrelay);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
