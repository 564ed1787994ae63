// SPDX-License-Identifier: GPL-3.0-or-later
#include "phaselauncher.h"

#include "spawner.h"

#include <csignal>
#include <sys/wait.h>

namespace ProcViz {

PhaseLauncher::PhaseLauncher(Spawner& spawner, const WorkerProcess::Launch& common, const QList<WorkerSpec>& workers,
    DescriptorsFor descriptorsFor, Launched launched, QObject* parent)
    : QObject(parent)
    , m_spawner(spawner)
    , m_common(common)
    , m_workers(workers)
    , m_descriptorsFor(std::move(descriptorsFor))
    , m_launched(std::move(launched))
    , m_answers(spawner.socket(), QSocketNotifier::Read)
{
    m_answers.setEnabled(false);
    connect(&m_answers, &QSocketNotifier::activated, this, &PhaseLauncher::takeAnswer);
    m_answerTimeout.setSingleShot(true);
    m_answerTimeout.setInterval(Spawner::AnswerTimeoutMs);
    connect(&m_answerTimeout, &QTimer::timeout, this, [this] {
        // It is hung or gone without closing its socket: what it still owes will not come.
        fail(tr("The worker spawner (pid %1) did not answer within %2 ms.")
                 .arg(m_spawner.pid())
                 .arg(Spawner::AnswerTimeoutMs));
        for (const auto& pending : m_awaiting)
            WorkerProcess::abandon(pending.requested);
        m_awaiting.clear();
        finishIfAllAnswered();
    });
}

PhaseLauncher::~PhaseLauncher()
{
    // Only a run torn down mid-launch gets here with answers due. Waiting for them (briefly: the spawner
    // answers within milliseconds, or is dead and its socket at end of file) is the only way to learn the
    // PIDs of workers that may exist already, and no child of ours may outlive the run.
    for (const auto& pending : m_awaiting) {
        QString ignored;
        if (const qint64 pid = m_spawner.receivePid(&ignored); pid > 0) {
            ::kill(pid_t(pid), SIGKILL);
            waitpid(pid_t(pid), nullptr, 0);
        }
        WorkerProcess::abandon(pending.requested);
    }
}

bool PhaseLauncher::start(QString* error)
{
    sendMore();
    if (m_awaiting.empty() && !m_error.isEmpty()) {
        *error = m_error;
        m_done = true;
        return false;
    }
    return true;
}

void PhaseLauncher::stopRequesting()
{
    m_stopRequesting = true;
    finishIfAllAnswered();
}

void PhaseLauncher::sendMore()
{
    while (!m_stopRequesting && m_error.isEmpty() && m_next < m_workers.size()
        && m_spawner.inFlight() < Spawner::MaxInFlight) {
        const auto& spec = m_workers.at(m_next);
        auto launch = m_common;
        launch.role = spec.role;
        launch.index = spec.index;
        launch.descriptors = m_descriptorsFor(spec);
        QString error;
        const auto requested = WorkerProcess::request(launch, m_spawner, &error);
        if (!requested) {
            fail(error);
            break;
        }
        m_awaiting.push_back({*requested, spec});
        ++m_next;
    }
    m_answers.setEnabled(!m_awaiting.empty());
    if (m_awaiting.empty())
        m_answerTimeout.stop();
    else if (!m_answerTimeout.isActive())
        m_answerTimeout.start();
}

void PhaseLauncher::takeAnswer()
{
    if (m_awaiting.empty()) {
        m_answers.setEnabled(false);
        return;
    }
    QString error;
    const auto answer = m_spawner.takeAnswer(&error);
    if (!answer)
        return; // its greeting: the answer itself comes next
    m_answerTimeout.start(); // it is alive and answering: the next answer gets the whole interval
    const auto pending = m_awaiting.front();
    m_awaiting.pop_front();
    std::unique_ptr<WorkerProcess> process;
    if (*answer > 0)
        process = WorkerProcess::complete(pending.requested, *answer, &error);
    else
        WorkerProcess::abandon(pending.requested);
    if (process)
        m_launched(pending.spec, std::move(process));
    else
        fail(error);
    sendMore();
    finishIfAllAnswered();
}

void PhaseLauncher::fail(const QString& error)
{
    if (m_error.isEmpty())
        m_error = error;
}

void PhaseLauncher::finishIfAllAnswered()
{
    const bool nothingToSend = m_stopRequesting || !m_error.isEmpty() || m_next == m_workers.size();
    if (m_done || !m_awaiting.empty() || !nothingToSend)
        return;
    m_done = true;
    m_answers.setEnabled(false);
    m_answerTimeout.stop();
    Q_EMIT finished(m_error);
}

} // namespace ProcViz
