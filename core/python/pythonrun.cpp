// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonrun.h"

#include "engine/observerchannel.h"
#include "model/runmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace ProcViz {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProcViz::PythonRun", text);
}

/// Every file under the resource folder, into @p folder, keeping the layout.
bool copyResources(const QString& folder, QString* error)
{
    QDirIterator it(PythonRun::ResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = folder + source.mid(PythonRun::ResourceRoot.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target)) {
            // Spelled out: lupdate would file a free function's tr() under the namespace.
            *error = QCoreApplication::translate("ProcViz::PythonRun", "Could not write '%1'.").arg(target);
            return false;
        }
    }
    return true;
}

/// The prefix of the line with which a lesson's program hands its figures over.
const QString ResultPrefix = QStringLiteral("result: ");
} // namespace

std::unique_ptr<PythonRun> PythonRun::create(const Scenario& scenario, const QVariantMap& given,
    const PythonInterpreter& interpreter, const QString& observerAddress, QString* error)
{
    const QString script = ResourceRoot + QLatin1Char('/') + programName(scenario.id());
    if (!QFile::exists(script)) {
        *error = tr("The lesson '%1' has no Python program yet.").arg(scenario.id());
        return nullptr;
    }
    std::unique_ptr<PythonRun> run(new PythonRun);
    run->m_folder = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/procviz-python-XXXXXX"));
    if (!run->m_folder->isValid()) {
        *error = tr("Could not create a folder for the Python program: %1").arg(run->m_folder->errorString());
        return nullptr;
    }
    if (!copyResources(run->m_folder->path(), error))
        return nullptr;
    run->m_output = ProgramOutput::create(error);
    if (!run->m_output)
        return nullptr;
    run->m_observerAddress = observerAddress;
    // The program as a student would start it: the file, then its parameters as name=value.
    run->m_program = {interpreter.path, run->m_folder->filePath(programName(scenario.id()))};
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        run->m_program.append(it.key() + QLatin1Char('=') + it.value().toString());
    return run;
}

QStringList PythonRun::program() const
{
    return m_program;
}

QMap<QString, QString> PythonRun::workerEnvironment() const
{
    return {
        // The observer loads as sitecustomize: in every process the program starts, by any start method.
        {QStringLiteral("PYTHONPATH"), m_folder->filePath(QStringLiteral("observer"))},
        {QString::fromLatin1(ObserverChannel::Variable), m_observerAddress},
        // Not inherited from the user's environment: unbuffered, print() writes a line in pieces, and lines of
        // processes printing at once interleave mid-line. (The lessons' children flush each line themselves.)
        {QStringLiteral("PYTHONUNBUFFERED"), QString()},
        // Nothing written next to the program: its folder goes with the run.
        {QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1")},
    };
}

QList<std::pair<int, int>> PythonRun::workerDescriptors(const WorkerSpec&) const
{
    return {{m_output->writeEnd(ProgramOutput::Stream::Out), STDOUT_FILENO},
        {m_output->writeEnd(ProgramOutput::Stream::Err), STDERR_FILENO}};
}

void PythonRun::workersSpawned()
{
    m_output->closeWriteEnds();
}

QString PythonRun::explainStall(const RunModel&) const
{
    return {};
}

QJsonObject PythonRun::printedResult() const
{
    const auto& lines = m_output->lines(ProgramOutput::Stream::Out);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith(ResultPrefix))
            return QJsonDocument::fromJson(it->mid(ResultPrefix.size()).toUtf8()).object();
    }
    return {};
}

} // namespace ProcViz
