// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

/// What the procviz binary did when a test ran it as a user would: exit code and both streams.
struct ProcVizOutcome
{
    bool finished = false; ///< exited normally before the timeout
    int exitCode = -1;
    QString out;
    QString err;
};

inline ProcVizOutcome runProcVizBinary(
    const QStringList& arguments, const QProcessEnvironment& environment, int timeoutMs = 120000)
{
    QProcess process; // its destructor kills a procviz that overran the timeout
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PROCVIZ_BINARY), arguments);
    ProcVizOutcome outcome;
    outcome.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}
