// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "childprocesses.h"
#include "engine/runcontroller.h"
#include "shmobjects.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

/// Runs one scenario to its end and returns what the controller recorded; a run that cannot start or does
/// not finish within a minute ends the test binary (a hang is the one failure a test must never wait out).
inline const ProcViz::RunModel& runScenario(ProcViz::RunController& controller, const char* scenario,
    const QVariantMap& params, const ProcViz::RunOptions& options = {})
{
    QSignalSpy finished(&controller, &ProcViz::RunController::finished);
    if (!controller.start(QString::fromLatin1(scenario), params, options))
        qFatal("%s did not start", scenario);
    if (!finished.wait(60000))
        qFatal("%s did not finish", scenario);
    return controller.model();
}

/// `--kill TARGET@S` with a short watchdog, so a run the kill leaves stuck ends quickly as a deadlock.
inline ProcViz::RunOptions killAt(const char* target, int watchdogSeconds = 1)
{
    QString error;
    ProcViz::RunOptions options;
    options.faults
        = {*ProcViz::FaultAction::parse(ProcViz::FaultAction::Kind::Kill, QString::fromLatin1(target), &error)};
    options.watchdogSeconds = watchdogSeconds;
    return options;
}

/// Put in a test's cleanup(): every worker reaped and every shared-memory object unlinked.
#define PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND()                                                                           \
    do {                                                                                                               \
        QCOMPARE(childProcesses(), QList<qint64>());                                                                   \
        QCOMPARE(sharedMemoryObjects(), QStringList());                                                                \
    } while (false)
