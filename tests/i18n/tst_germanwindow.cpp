// The real window in German and in English: the translation embedded in labrelay_app is
// installed the way `labrelay --lang de` does it (GuiOptions::installTranslations), and the
// window built by ControlPanel shows German menus, tabs, docks, table headers and config help.
//
// main() sets the process locale before QApplication exists (LABRELAY_TEST_LOCALE, German by
// default), so "follows the system locale" is tested on a known locale; CTest runs the binary a
// second time with an English locale.
#include "controlpanel.h"
#include "distributorspanel.h"
#include "distributortablemodel.h"
#include "guioptions.h"
#include "livestatus.h"
#include "mainwindow.h"
#include "sessionlistmodel.h"
#include "sessionspanel.h"
#include "templatelistmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include <memory>

namespace {

// What the window says in one language.
struct Texts {
    QStringList menus;
    QStringList tabs;
    QStringList docks;
    QString typeHeader;
    QString stateHeader;
    QString sessionHeader;
    QString noSession;
    QString httpUrlHelp;
    QString connected;
    QString localTestingDescription;
};

Texts germanTexts() {
    return {
        {QStringLiteral("&Datei"), QStringLiteral("&Sitzung"), QStringLiteral("&Ansicht"),
         QStringLiteral("&Hilfe")},
        {QStringLiteral("Dis&tributoren"), QStringLiteral("&Routing"), QStringLiteral("&Zustand")},
        {QStringLiteral("Ereignisprotokoll"), QStringLiteral("Sitzungen"),
         QStringLiteral("Umgebung"), QStringLiteral("Vorlagen")},
        QStringLiteral("Typ"),
        QStringLiteral("Status"),
        QStringLiteral("Sitzung"),
        QStringLiteral("Keine Sitzung ausgewählt"),
        QStringLiteral("Präfix jeder Anfrage-URL (http oder https)"),
        QStringLiteral("verbunden"),
        QStringLiteral("Entwicklung und Test: HTTP und WebSocket auf diesem Rechner")};
}

Texts englishTexts() {
    return {
        {QStringLiteral("&File"), QStringLiteral("&Session"), QStringLiteral("&View"),
         QStringLiteral("&Help")},
        {QStringLiteral("&Distributors"), QStringLiteral("&Routing"), QStringLiteral("Hea&lth")},
        {QStringLiteral("Environment"), QStringLiteral("Event Log"), QStringLiteral("Sessions"),
         QStringLiteral("Templates")},
        QStringLiteral("Type"),
        QStringLiteral("State"),
        QStringLiteral("Session"),
        QStringLiteral("No session selected"),
        QStringLiteral("Prefix of every request URL (http or https)"),
        QStringLiteral("connected"),
        QStringLiteral("Development and testing: HTTP and WebSocket on this machine")};
}

QStringList texts(const QList<QAction *> &actions) {
    QStringList result;
    for (const QAction *action : actions)
        result.append(action->text());
    return result;
}

// The Alt+letter keys a set of texts claims, as "text → key" for failure messages.
QStringList clashes(const QStringList &labels) {
    QMap<QString, QStringList> byKey;
    for (const QString &label : labels) {
        const QKeySequence key = QKeySequence::mnemonic(label);
        if (!key.isEmpty())
            byKey[key.toString()].append(label);
    }
    QStringList result;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() > 1)
            result.append(it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", ")));
    }
    return result;
}

} // namespace

class TestGermanWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void windowSpeaksTheChosenLanguage_data();
    void windowSpeaksTheChosenLanguage();
    void acceleratorsDoNotClash_data();
    void acceleratorsDoNotClash();

private:
    void install(const QString &language);
    void open();

    QTemporaryDir m_dir;
    std::unique_ptr<ControlPanel> m_panel;
};

void TestGermanWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(":/i18n/labrelay_de.qm")),
             "the German translation is not embedded in labrelay_app");
}

void TestGermanWindow::cleanup() {
    m_panel.reset();
    // installTranslations() parents its translators to the application; take them out again.
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestGermanWindow::install(const QString &language) {
    GuiOptions options;
    options.language = language;
    options.installTranslations(*qApp);
}

void TestGermanWindow::open() {
    ControlPanel::Options options;
    options.demoOnFirstStart = false;
    options.api = false;
    options.templatesPath = m_dir.filePath(QStringLiteral("templates.json"));
    m_panel = std::make_unique<ControlPanel>(options);
    m_panel->start();
}

void TestGermanWindow::windowSpeaksTheChosenLanguage_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("german");
    const bool germanSystem = QLocale::system().language() == QLocale::German;
    QTest::newRow("--lang de") << QStringLiteral("de") << true;
    QTest::newRow("--lang en") << QStringLiteral("en") << false;
    QTest::newRow(germanSystem ? "system locale German" : "system locale not German")
        << QString() << germanSystem;
}

void TestGermanWindow::windowSpeaksTheChosenLanguage() {
    QFETCH(QString, language);
    QFETCH(bool, german);
    const Texts expected = german ? germanTexts() : englishTexts();
    install(language);
    open();
    MainWindow *window = m_panel->window();

    QCOMPARE(texts(window->menuBar()->actions()), expected.menus);
    auto *tabs = window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QStringList tabTexts;
    for (int i = 0; i < tabs->count(); ++i)
        tabTexts.append(tabs->tabText(i));
    QCOMPARE(tabTexts, expected.tabs);
    QStringList docks;
    for (const QDockWidget *dock : window->findChildren<QDockWidget *>())
        docks.append(dock->windowTitle());
    docks.sort();
    QCOMPARE(docks, expected.docks);

    const QAbstractItemModel *distributors = window->distributorsPanel()->view()->model();
    QCOMPARE(distributors->headerData(DistributorTableModel::TypeColumn, Qt::Horizontal).toString(),
             expected.typeHeader);
    QCOMPARE(
        distributors->headerData(DistributorTableModel::StateColumn, Qt::Horizontal).toString(),
        expected.stateHeader);
    const QAbstractItemModel *sessions = window->sessionsPanel()->view()->model();
    QCOMPARE(sessions->headerData(SessionListModel::IdColumn, Qt::Horizontal).toString(),
             expected.sessionHeader);

    QStringList statusTexts;
    for (const QLabel *label : window->statusBar()->findChildren<QLabel *>())
        statusTexts.append(label->text());
    QVERIFY2(statusTexts.contains(expected.noSession), qPrintable(statusTexts.join(u'|')));

    // The config keys' help texts (QT_TRANSLATE_NOOP in models/) reach the editor's tooltips.
    window->showEditor(QStringLiteral("http"), QJsonObject());
    QStringList toolTips;
    for (const QWidget *widget : window->findChildren<QWidget *>())
        toolTips.append(widget->toolTip());
    QVERIFY2(toolTips.contains(expected.httpUrlHelp), qPrintable(expected.httpUrlHelp));

    QCOMPARE(LiveStates::displayText(QStringLiteral("connected")), expected.connected);

    // Built-in template descriptions (QT_TRANSLATE_NOOP in models/builtintemplates.cpp).
    auto *templates = window->findChild<TemplateListModel *>();
    QVERIFY(templates);
    const int row = templates->rowOf(QStringLiteral("local_testing"));
    QVERIFY(row >= 0);
    QCOMPARE(templates->index(row, TemplateListModel::DescriptionColumn).data().toString(),
             expected.localTestingDescription);
}

void TestGermanWindow::acceleratorsDoNotClash_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestGermanWindow::acceleratorsDoNotClash() {
    QFETCH(QString, language);
    install(language);
    open();
    MainWindow *window = m_panel->window();

    // Within each menu, and among the menu bar, the tabs, the labelled fields and the buttons,
    // which all answer Alt+letter anywhere in the window.
    QStringList windowWide = texts(window->menuBar()->actions());
    for (const QAction *title : window->menuBar()->actions()) {
        QVERIFY(title->menu());
        const QStringList inMenu = clashes(texts(title->menu()->actions()));
        QVERIFY2(inMenu.isEmpty(), qPrintable(title->text() + QStringLiteral(": ")
                                              + inMenu.join(QStringLiteral("; "))));
    }
    // The panels' context menus.
    const std::unique_ptr<QMenu> distributorMenu(
        window->distributorsPanel()->contextMenuFor(QModelIndex()));
    const QStringList inDistributorMenu = clashes(texts(distributorMenu->actions()));
    QVERIFY2(inDistributorMenu.isEmpty(), qPrintable(inDistributorMenu.join(QStringLiteral("; "))));
    const SessionsPanel *sessions = window->sessionsPanel();
    const QStringList inSessionMenu =
        clashes(texts({sessions->createAction(), sessions->openAction(), sessions->exportAction(),
                       sessions->closeAction()}));
    QVERIFY2(inSessionMenu.isEmpty(), qPrintable(inSessionMenu.join(QStringLiteral("; "))));

    auto *tabs = window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i)
        windowWide.append(tabs->tabText(i));
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->buddy())
            windowWide.append(label->text());
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!qobject_cast<const QToolButton *>(button))
            windowWide.append(button->text());
    }
    const QStringList found = clashes(windowWide);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));

    // Qt's own strings (dialog buttons) come from Qt's German translation when it is installed.
    if (language == QLatin1String("de")
        && QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath)
                         + QStringLiteral("/qtbase_de.qm")))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));
}

int main(int argc, char *argv[]) {
    const QByteArray locale = qEnvironmentVariableIsSet("LABRELAY_TEST_LOCALE")
                                  ? qgetenv("LABRELAY_TEST_LOCALE")
                                  : QByteArray("de_DE.UTF-8");
    qputenv("LC_ALL", locale);
    qputenv("LANG", locale);
    qputenv("LANGUAGE", locale.left(2));
    QApplication app(argc, argv);
    TestGermanWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_germanwindow.moc"
