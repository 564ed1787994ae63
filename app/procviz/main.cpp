// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "cli/commandline.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "shotcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>
#include <cstring>

namespace {

// No arguments, or only `--lang en|ko` and Qt's own window options (-platform offscreen, -style fusion,
// ...), open the window; anything else is the command line's to run or to refuse with a usage message and
// exit code 2.
bool isCommandLineMode(int argc, char** argv)
{
    int first = 1;
    while (first < argc) {
        if (std::strcmp(argv[first], "--lang") == 0)
            first += 2;
        else if (std::strncmp(argv[first], "--lang=", 7) == 0)
            first += 1;
        else
            break;
    }
    if (first >= argc)
        return false;
    for (const char* option :
        {"-platform", "--platform", "-style", "--style", "-stylesheet", "-geometry", "-qwindowgeometry",
            "-qwindowtitle", "-qwindowicon", "-reverse", "-display", "-session", "-widgetcount", "-plugin"}) {
        if (std::strcmp(argv[first], option) == 0)
            return false;
    }
    return true;
}

// `--lang` anywhere on the line, taken out before anything else parses it; false (and a message) when its
// value is not a language ProcViz speaks.
bool takeLanguage(QStringList* arguments, QString* language)
{
    QString error;
    *language = ProcViz::Translations::takeLanguageOption(arguments, &error);
    if (error.isEmpty())
        return true;
    std::fprintf(stderr, "procviz: %s\n", qPrintable(error));
    return false;
}

// QApplication aborts with a cryptic "could not connect to display" when there is none, e.g. over ssh
// or in CI; say what happened and where the headless command line is instead.
bool hasDisplay(int argc, char** argv)
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    // `shot` runs the real window to take its picture: it needs a QApplication but no screen, so without a
    // display it draws offscreen.
    if (argc >= 2 && std::strcmp(argv[1], "shot") == 0) {
        if (!hasDisplay(argc, argv))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        app.setApplicationName(QStringLiteral("procviz"));
        app.setApplicationVersion(QStringLiteral(PROCVIZ_VERSION));
        return ProcViz::ShotCommand().exec(app.arguments());
    }

    if (isCommandLineMode(argc, argv)) {
        QCoreApplication app(argc, argv);
        app.setApplicationName(QStringLiteral("procviz"));
        app.setApplicationVersion(QStringLiteral(PROCVIZ_VERSION));
        // English unless asked: scripts and tests read this output, and it should not change with the locale
        // of whoever runs them.
        QStringList arguments = app.arguments();
        QString language;
        if (!takeLanguage(&arguments, &language))
            return 2;
        ProcViz::Translations translations;
        translations.setLanguage(language.isEmpty() ? QStringLiteral("en") : language);
        return ProcViz::CommandLine().exec(arguments);
    }

    if (!hasDisplay(argc, argv)) {
        // Said in the language the window would have spoken.
        QCoreApplication app(argc, argv);
        QStringList arguments = app.arguments();
        QString language;
        if (!takeLanguage(&arguments, &language))
            return 2;
        ProcViz::Translations translations;
        translations.setLanguage(language.isEmpty() ? ProcViz::Translations::systemLanguage() : language);
        const QString message = QCoreApplication::translate("main",
            "procviz: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.\n"
            "Without a display, use the command line instead:\n"
            "  procviz list          the scenarios and their parameters\n"
            "  procviz run timing    run a scenario and print its result\n"
            "  procviz --help        everything else\n");
        std::fputs(qPrintable(message), stderr);
        return 1;
    }

    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("procviz"));
    app.setApplicationDisplayName(QStringLiteral("ProcViz"));
    app.setApplicationVersion(QStringLiteral(PROCVIZ_VERSION));
    // Wayland compositors match the window to its menu entry (and icon) by this name; X11 by StartupWMClass.
    app.setDesktopFileName(QStringLiteral("io.github.procviz.ProcViz"));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.procviz.ProcViz.png")));

    QStringList arguments = app.arguments();
    QString language;
    if (!takeLanguage(&arguments, &language))
        return 2;
    ProcViz::AppSettings settings;
    ProcViz::MainWindow window;
    window.restoreSettings(&settings);
    // The system's language, unless the window remembers another; --lang overrides both.
    if (!language.isEmpty())
        window.setLanguage(language);
    window.show();
    return app.exec();
}
