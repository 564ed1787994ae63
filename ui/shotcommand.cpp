// SPDX-License-Identifier: GPL-3.0-or-later
#include "shotcommand.h"

#include "mainwindow.h"
#include "parameterform.h"
#include "presentationmode.h"
#include "themeswitcher.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace ProcViz {

namespace {
constexpr int SettleMs = 150; ///< lets the last queued replots land before the picture is taken

int usage(const QString& message)
{
    std::fprintf(stderr, "procviz shot: %s\n%s\n", qPrintable(message),
        "usage: procviz shot SCENARIO [--PARAM VALUE]... --out FILE.png|FILE.pdf [--size WxH] [--lang en|ko]\n"
        "                    [--theme system|light|dark] [--presentation] [--at SECONDS] [--runtime cpp|python]");
    return 2;
}
} // namespace

int ShotCommand::exec(const QStringList& arguments)
{
    const QStringList args = arguments.mid(2);
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return usage(QStringLiteral("which scenario?"));
    const QString scenario = args.first();
    QString out;
    QSize size(1920, 1080);
    QString language;
    std::optional<Theme> theme;
    bool presentation = false;
    double atSeconds = -1; ///< mid-run: the picture this long after the start; -1: at the end
    auto runtime = RunOptions::Runtime::Cpp;
    QList<std::pair<QString, QString>> params;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--presentation")) { // the one option without a value
            presentation = true;
            continue;
        }
        if (!args[i].startsWith(QLatin1String("--")) || i + 1 >= args.size())
            return usage(QStringLiteral("'%1' needs a value").arg(args[i]));
        const QString name = args[i].mid(2);
        const QString value = args[++i];
        if (name == QLatin1String("out")) {
            out = value;
        } else if (name == QLatin1String("size")) {
            const auto match = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(value);
            if (!match.hasMatch() || match.captured(1).toInt() < 320 || match.captured(2).toInt() < 240)
                return usage(QStringLiteral("--size wants WxH, at least 320x240, not '%1'").arg(value));
            size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        } else if (name == QLatin1String("lang")) {
            if (value != QLatin1String("en") && value != QLatin1String("ko"))
                return usage(QStringLiteral("--lang is en or ko, not '%1'").arg(value));
            language = value;
        } else if (name == QLatin1String("at")) {
            bool ok = false;
            atSeconds = value.toDouble(&ok);
            if (!ok || atSeconds < 0 || atSeconds > 3600)
                return usage(QStringLiteral("--at wants seconds from 0 to 3600, not '%1'").arg(value));
        } else if (name == QLatin1String("runtime")) {
            const auto chosen = RunOptions::runtimeFromId(value);
            if (!chosen)
                return usage(QStringLiteral("--runtime is cpp or python, not '%1'").arg(value));
            runtime = *chosen;
        } else if (name == QLatin1String("theme")) {
            theme = themeFromName(value);
            if (!theme)
                return usage(QStringLiteral("--theme is system, light or dark, not '%1'").arg(value));
        } else {
            params.append({name, value});
        }
    }
    if (out.isEmpty())
        return usage(QStringLiteral("--out FILE.png or FILE.pdf is required"));

    MainWindow window;
    if (!window.selectScenario(scenario))
        return usage(QStringLiteral("no scenario '%1'").arg(scenario));
    if (!language.isEmpty())
        window.setLanguage(language);
    window.setRuntime(runtime); // first: it sets the runtime's own defaults, which the parameters then override
    for (const auto& [name, value] : params) {
        if (!window.parameterForm()->setValue(name, value))
            return usage(QStringLiteral("scenario '%1' has no parameter --%2 taking '%3'").arg(scenario, name, value));
    }
    if (theme)
        window.themes()->setTheme(*theme);
    if (presentation) {
        window.presentation()->setFullScreenAllowed(false); // the picture keeps the size asked for
        window.presentation()->setActive(true);
    }
    window.setMinimumSize(size);
    window.setMaximumSize(size);
    window.resize(size);
    window.show();

    auto* run = window.findChild<QAction*>(QStringLiteral("run"));
    if (!run || !run->isEnabled()) {
        std::fprintf(stderr, "procviz shot: %s\n", qPrintable(run ? run->toolTip() : QStringLiteral("no Run action")));
        return 2;
    }
    int exitCode = 1;
    bool taken = false;
    const auto take = [&] {
        taken = true;
        QString error;
        if (window.saveDashboard(out, &error))
            exitCode = 0;
        else
            std::fprintf(stderr, "procviz shot: %s\n", qPrintable(error));
    };
    QObject::connect(&window.controller(), &RunController::finished, &window, [&](Outcome) {
        if (taken) { // mid-run: the picture is taken, the run stopped and its workers reaped
            QCoreApplication::exit(0);
            return;
        }
        QTimer::singleShot(SettleMs, &window, [&] {
            take();
            QCoreApplication::exit(0);
        });
    });
    if (atSeconds >= 0) {
        QTimer::singleShot(int(atSeconds * 1000), &window, [&] {
            if (!window.controller().isRunning())
                return; // over already: the end's picture it is
            QTimer::singleShot(SettleMs, &window, [&] {
                if (!window.controller().isRunning())
                    return;
                take();
                window.controller().stop();
            });
        });
    }
    window.run();
    if (!window.controller().isRunning() && window.controller().model().endNs() < 0)
        return 1;
    QApplication::exec();
    return exitCode;
}

} // namespace ProcViz
