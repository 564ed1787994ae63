// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerprocess.h"

#include "pidfd.h"
#include "spawner.h"
#include "telemetry/telemetrywriter.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

Q_LOGGING_CATEGORY(lcWorker, "procviz.worker", QtWarningMsg)

namespace ProcViz {

namespace {
// Room for bursts (seconds of the at most 100 progress records a second a lane sends), so a worker rarely
// blocks while the GUI thread is busy drawing; small enough that 64 workers stay within a user's pipe quota.
constexpr int PipeCapacity = 128 * 1024;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

QByteArrayList workerEnvironment(const WorkerProcess::Launch& launch)
{
    QByteArrayList env;
    const QMap<QString, QString> overrides {
        {QString::fromLatin1(TelemetryWriter::FdVariable), QString::number(WorkerProcess::TelemetryFd)},
        {QStringLiteral("PROCVIZ_PARAMS"), QString::fromUtf8(launch.paramsJson)},
        {QStringLiteral("PROCVIZ_PARENT_PID"), QString::number(getpid())},
    };
    for (char** entry = environ; entry && *entry; ++entry) {
        const QByteArray line(*entry);
        const auto name = QString::fromLocal8Bit(line.left(line.indexOf('=')));
        if (!overrides.contains(name) && !launch.environment.contains(name))
            env.append(line);
    }
    for (const auto* map : {&overrides, &launch.environment}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            env.append((it.key() + QLatin1Char('=') + it.value()).toLocal8Bit());
    }
    return env;
}
} // namespace

std::optional<WorkerProcess::Requested> WorkerProcess::request(
    const Launch& launch, Spawner& spawner, QString* error)
{
    int telemetry[2], input[2];
    if (pipe2(telemetry, O_CLOEXEC) != 0) {
        *error = tr("Could not create a telemetry pipe: %1").arg(errnoText(errno));
        return std::nullopt;
    }
    if (pipe2(input, O_CLOEXEC) != 0) {
        *error = tr("Could not create an input pipe: %1").arg(errnoText(errno));
        ::close(telemetry[0]);
        ::close(telemetry[1]);
        return std::nullopt;
    }
    const Requested requested {telemetry[0], input[1]};
    fcntl(requested.telemetryFd, F_SETFL, fcntl(requested.telemetryFd, F_GETFL) | O_NONBLOCK);
    fcntl(requested.telemetryFd, F_SETPIPE_SZ, PipeCapacity); // best effort: a smaller pipe still works
    fcntl(requested.inputFd, F_SETFL, fcntl(requested.inputFd, F_GETFL) | O_NONBLOCK);

    SpawnRequest request;
    // argv[0] is the bare name, so `ps aux` and htop show exactly `procviz-worker timing worker 2`.
    request.arguments = {QFileInfo(launch.program).fileName().toLocal8Bit()};
    if (launch.exec.isEmpty()) {
        request.arguments += {launch.scenario.toUtf8(), launch.role.toUtf8(), QByteArray::number(launch.index)};
    } else {
        request.arguments.append("--exec");
        for (const auto& argument : launch.exec)
            request.arguments.append(argument.toLocal8Bit());
    }
    request.environment = workerEnvironment(launch);
    request.nice = launch.nice;
    QList<int> descriptors = {telemetry[1], input[0]};
    request.descriptorTargets = {TelemetryFd, STDIN_FILENO};
    for (const auto& [source, target] : launch.descriptors) {
        Q_ASSERT(target < FirstFreeDescriptor);
        descriptors.append(source);
        request.descriptorTargets.append(target);
    }
    const bool sent = spawner.send(request, descriptors, error);
    ::close(telemetry[1]); // only the worker writes; its exit then shows as end of file here
    ::close(input[0]);
    if (!sent) {
        abandon(requested);
        return std::nullopt;
    }
    return requested;
}

void WorkerProcess::abandon(const Requested& requested)
{
    ::close(requested.telemetryFd);
    ::close(requested.inputFd);
}

std::unique_ptr<WorkerProcess> WorkerProcess::complete(const Requested& requested, qint64 pid, QString* error)
{
    const int pidFd = pidfdOpen(pid_t(pid));
    if (pidFd < 0) {
        const int openError = errno;
        ::kill(pid_t(pid), SIGKILL);
        waitpid(pid_t(pid), nullptr, 0);
        abandon(requested);
        *error = tr("pidfd_open failed (Linux 5.3 or newer is needed): %1").arg(errnoText(openError));
        return nullptr;
    }
    qCDebug(lcWorker) << "spawned pid" << pid;
    return std::unique_ptr<WorkerProcess>(new WorkerProcess(pid, requested.telemetryFd, requested.inputFd, pidFd));
}

WorkerProcess::WorkerProcess(qint64 pid, int telemetryFd, int inputFd, int pidFd)
    : TrackedProcess(pid)
    , m_telemetryFd(telemetryFd)
    , m_inputFd(inputFd)
    , m_pidFd(pidFd)
    , m_telemetryNotifier(std::make_unique<QSocketNotifier>(telemetryFd, QSocketNotifier::Read))
    , m_exitNotifier(std::make_unique<QSocketNotifier>(pidFd, QSocketNotifier::Read))
{
    connect(m_telemetryNotifier.get(), &QSocketNotifier::activated, this, &WorkerProcess::readTelemetry);
    connect(m_exitNotifier.get(), &QSocketNotifier::activated, this, &WorkerProcess::onPidFdReadable);
}

void WorkerProcess::killNow()
{
    if (m_reaped)
        return;
    m_joinTimer.reset();
    ::kill(pid_t(m_pid), SIGKILL); // harmless to a zombie
    reap(0); // SIGKILL cannot be caught or ignored: this returns as soon as the kernel has torn it down
    if (!hasDied())
        m_diedAtNs = m_exitedAtNs;
    drainTelemetry(true);
}

WorkerProcess::~WorkerProcess()
{
    killNow();
    closeTelemetry();
}

bool WorkerProcess::writeInput(QByteArrayView bytes) const
{
    // Non-blocking: a worker that does not read its input must not freeze the engine.
    return !m_reaped && ::write(m_inputFd, bytes.data(), size_t(bytes.size())) == ssize_t(bytes.size());
}

bool WorkerProcess::sendSignal(int signal) const
{
    return !m_reaped && ::kill(pid_t(m_pid), signal) == 0;
}

quint64 WorkerProcess::takeMalformedCount()
{
    const auto total = m_decoder.malformedCount();
    const auto fresh = total - m_malformedReported;
    m_malformedReported = total;
    return fresh;
}

void WorkerProcess::readTelemetry()
{
    drainTelemetry(false);
}

void WorkerProcess::drainTelemetry(bool workerGone)
{
    if (m_telemetryFd < 0)
        return;
    char buffer[64 * 1024];
    bool endOfStream = false;
    // Bounded while the worker lives: one writing flat out must not hold this thread here forever.
    for (int round = 0; workerGone || round < 16; ++round) {
        const ssize_t size = ::read(m_telemetryFd, buffer, sizeof buffer);
        if (size > 0) {
            m_decoder.feed(QByteArrayView(buffer, size), m_records);
            continue;
        }
        if (size < 0 && errno == EINTR)
            continue;
        // EAGAIN after the worker is gone means another process holds the write end: stop listening anyway.
        endOfStream = size == 0 || errno != EAGAIN || workerGone;
        break;
    }
    if (endOfStream) {
        m_decoder.finish();
        closeTelemetry();
    }
    if (!m_records.empty())
        Q_EMIT recordsArrived();
}

void WorkerProcess::onPidFdReadable()
{
    // Readable once the process has ended: from now on it is a zombie, until wait4() reaps it.
    m_exitNotifier->setEnabled(false);
    m_diedAtNs = monotonicNowNs();
    // Every byte the worker wrote is in the pipe by now: read to the end before telling anyone.
    drainTelemetry(true);
    Q_EMIT died();
    if (m_joinDelayMs <= 0) {
        joinNow();
        return;
    }
    m_joinTimer = std::make_unique<QTimer>();
    m_joinTimer->setSingleShot(true);
    m_joinTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early: a zombie for less than asked
    connect(m_joinTimer.get(), &QTimer::timeout, this, &WorkerProcess::joinNow);
    m_joinTimer->start(m_joinDelayMs);
}

void WorkerProcess::joinNow()
{
    if (m_reaped || !hasDied())
        return;
    m_joinTimer.reset();
    if (reap(WNOHANG)) {
        Q_EMIT exited();
        return;
    }
    // The pidfd said it ended, so wait4() should have it; should the kernel lag, ask again shortly.
    QTimer::singleShot(10, this, &WorkerProcess::joinNow);
}

bool WorkerProcess::reap(int flags)
{
    int status = 0;
    rusage usage {};
    pid_t result;
    do {
        result = wait4(pid_t(m_pid), &status, flags, &usage);
    } while (result < 0 && errno == EINTR);
    const bool reapedElsewhere = result < 0 && errno == ECHILD;
    if (result != pid_t(m_pid) && !reapedElsewhere)
        return false;
    if (reapedElsewhere) {
        // The host ignores SIGCHLD or reaped it itself: the end happened, only its status is lost.
        qCWarning(lcWorker) << "worker" << m_pid << "was reaped by someone else; its exit status is unknown";
        status = 0;
        usage = {};
    }
    m_reaped = true;
    m_exitedAtNs = monotonicNowNs();
    // Nothing more to learn from the pidfd, nobody left to read the input: give both descriptors back now,
    // not when the next run starts.
    m_exitNotifier.reset();
    ::close(m_pidFd);
    m_pidFd = -1;
    ::close(m_inputFd);
    m_inputFd = -1;
    if (reapedElsewhere)
        return true;
    if (WIFEXITED(status))
        m_exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        m_signal = WTERMSIG(status);
    m_cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return true;
}

void WorkerProcess::closeTelemetry()
{
    if (m_telemetryFd < 0)
        return;
    m_telemetryNotifier.reset();
    ::close(m_telemetryFd);
    m_telemetryFd = -1;
}

} // namespace ProcViz
