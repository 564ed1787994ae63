// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythoninterpreter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>

namespace ProcViz {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProcViz::PythonInterpreter", text);
}

/// "3 11", or nothing when the program does not answer like a Python.
std::optional<std::pair<int, int>> askVersion(const QString& path)
{
    QProcess python;
    // -I: no user site, no PYTHON* variables, no current directory on the path: only the interpreter speaks.
    python.start(path, {QStringLiteral("-I"), QStringLiteral("-c"),
                           QStringLiteral("import sys; print(sys.version_info[0], sys.version_info[1])")});
    if (!python.waitForFinished(10'000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        python.kill();
        python.waitForFinished();
        return std::nullopt;
    }
    const auto words = QString::fromLatin1(python.readAllStandardOutput()).simplified().split(QLatin1Char(' '));
    bool majorOk = false, minorOk = false;
    const int major = words.value(0).toInt(&majorOk);
    const int minor = words.value(1).toInt(&minorOk);
    return majorOk && minorOk ? std::optional(std::pair(major, minor)) : std::nullopt;
}
} // namespace

std::optional<PythonInterpreter> PythonInterpreter::find(const QString& requested, QString* error)
{
    const QString path = requested.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("python3"))
                                             : QFileInfo(requested).absoluteFilePath();
    if (path.isEmpty()) {
        *error = tr("No python3 was found on PATH: install Debian's python3 (apt install python3), or name one "
                    "with --python PATH.");
        return std::nullopt;
    }
    const QFileInfo file(path);
    if (!file.isFile() || !file.isExecutable()) {
        *error = tr("The Python interpreter '%1' does not exist or is not executable.").arg(path);
        return std::nullopt;
    }
    // Asked once per interpreter (and again if it was replaced): the window checks before every run.
    static QMutex mutex;
    static QHash<QString, std::pair<QDateTime, std::optional<std::pair<int, int>>>> known;
    const QString key = file.canonicalFilePath();
    QMutexLocker lock(&mutex);
    auto it = known.find(key);
    if (it == known.end() || it->first != file.lastModified())
        it = known.insert(key, {file.lastModified(), askVersion(path)});
    const auto version = it->second;
    if (!version) {
        *error = tr("'%1' did not answer as a Python interpreter does (it was asked for its version).").arg(path);
        return std::nullopt;
    }
    PythonInterpreter interpreter {path, version->first, version->second};
    if (interpreter.major != 3 || interpreter.minor < MinimumMinor) {
        *error = tr("'%1' is Python %2; the Python runtime needs Python 3.%3 or newer.")
                     .arg(path, interpreter.version())
                     .arg(MinimumMinor);
        return std::nullopt;
    }
    return interpreter;
}

} // namespace ProcViz
