// SPDX-License-Identifier: GPL-3.0-or-later
#include "spawner.h"

#include "pidfd.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

Q_LOGGING_CATEGORY(lcSpawner, "procviz.spawner", QtWarningMsg)

namespace ProcViz {

namespace {
QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

pid_t reapBlocking(pid_t pid, int* status)
{
    pid_t result;
    do {
        result = waitpid(pid, status, 0);
    } while (result < 0 && errno == EINTR);
    return result;
}
} // namespace

std::unique_ptr<Spawner> Spawner::start(const QString& program, QString* error)
{
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) {
        *error = tr("Could not create the spawner's socket: %1").arg(errnoText(errno));
        return nullptr;
    }
    // Its end goes to a fixed number; the copy above it keeps dup2 from ever meeting itself (dup2(fd, fd)
    // would keep FD_CLOEXEC).
    const int theirs = fcntl(ends[1], F_DUPFD_CLOEXEC, SpawnChannel::SpawnerFd + 1);
    ::close(ends[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, theirs, SpawnChannel::SpawnerFd);
    // Each worker gets a stdin pipe of its own; the spawner itself never reads the app's terminal.
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions, SpawnChannel::SpawnerFd + 1);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t noSignals, defaultSignals;
    sigemptyset(&noSignals);
    sigfillset(&defaultSignals);
    sigdelset(&defaultSignals, SIGKILL);
    sigdelset(&defaultSignals, SIGSTOP);
    posix_spawnattr_setsigmask(&attributes, &noSignals);
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals); // the app may ignore SIGPIPE or catch SIGINT
    // A session of its own, which its clones, the workers, share. Out of the terminal's reach (Ctrl+C and
    // Ctrl+Z are the app's to handle), and in a scheduling group of their own: the kernel's autogroups
    // are per session. That is what keeps the window responsive with 64 busy workers. Within one group,
    // the EEVDF scheduler (Linux 6.6 and later) lets each worker that waited bank a few milliseconds of
    // lag, and after the load balancer moves dozens of them to the window's core at once, the window
    // waited for all of them in turn: stalls of 60-100 ms, nice 19 or not. As a group of their own, they
    // are one entity beside the window, which still leaves them their fair share against other programs.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    // `procviz-worker --spawner` followed by blank room that each worker overwrites with its own argv.
    QByteArray name = QFileInfo(program).fileName().toLocal8Bit();
    QByteArray flag("--spawner");
    QByteArray room(TitleRoom - name.size() - flag.size() - 2, ' ');
    char* argv[] = {name.data(), flag.data(), room.data(), nullptr};
    std::vector<QByteArray> environment;
    const QByteArray parentVariable = "PROCVIZ_PARENT_PID=";
    for (char** entry = environ; entry && *entry; ++entry) {
        if (std::strncmp(*entry, parentVariable.constData(), size_t(parentVariable.size())) != 0)
            environment.emplace_back(*entry);
    }
    environment.push_back(parentVariable + QByteArray::number(getpid()));
    std::vector<char*> envp;
    for (auto& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const QByteArray path = program.toLocal8Bit();
    const int spawnError = posix_spawn(&pid, path.constData(), &actions, &attributes, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(theirs);
    if (spawnError != 0) {
        ::close(ends[0]);
        *error = tr("Could not start the worker program '%1': %2").arg(program, errnoText(spawnError));
        return nullptr;
    }
    qCDebug(lcSpawner) << "spawner started, pid" << pid;
    // Not waiting for it to be ready here lets it load its libraries while the engine prepares the run.
    return std::unique_ptr<Spawner>(new Spawner(pid, ends[0], program));
}

Spawner::Spawner(qint64 pid, int socket, const QString& program)
    : m_pid(pid)
    , m_socket(socket)
    , m_program(program)
{
}

Spawner::~Spawner()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_exitWatch.reset();
    if (m_exitFd >= 0)
        ::close(m_exitFd);
    if (!m_reaped) {
        // It holds nothing worth a graceful end, and SIGKILL makes the wait below certain to return.
        ::kill(pid_t(m_pid), SIGKILL);
        reapBlocking(pid_t(m_pid), nullptr);
    }
}

void Spawner::dismiss()
{
    if (m_socket < 0)
        return;
    ::close(m_socket); // it reads end of file and exits by itself
    m_socket = -1;
    if (m_reaped || waitpid(pid_t(m_pid), nullptr, WNOHANG) == pid_t(m_pid)) {
        m_reaped = true;
        return;
    }
    // Its exit takes a moment (it runs with the workers' priority, among them): reap it when it comes,
    // from the event loop, instead of holding up the window until then. Without a pidfd, the destructor does.
    m_exitFd = pidfdOpen(pid_t(m_pid));
    if (m_exitFd < 0)
        return;
    m_exitWatch = std::make_unique<QSocketNotifier>(m_exitFd, QSocketNotifier::Read);
    QObject::connect(m_exitWatch.get(), &QSocketNotifier::activated, m_exitWatch.get(), [this] {
        if (waitpid(pid_t(m_pid), nullptr, WNOHANG) == pid_t(m_pid)) {
            m_reaped = true;
            m_exitWatch->setEnabled(false);
        }
    });
}

bool Spawner::send(const SpawnRequest& request, const QList<int>& descriptors, QString* error)
{
    Q_ASSERT(m_socket >= 0);
    Q_ASSERT(request.descriptorTargets.size() == descriptors.size());
    Q_ASSERT(m_inFlight < MaxInFlight);
    if (m_reaped) {
        *error = tr("The worker spawner is gone.");
        return false;
    }
    // Not waiting for it to be ready first: the request waits in the socket, and the spawner takes it as
    // soon as it has loaded, without a round trip through this process.
    if (!SpawnChannel::send(m_socket, request.encode(), descriptors)) {
        const int sendError = errno;
        *error = sendError == EPIPE || sendError == ECONNRESET ? describeEnd()
                                                               : tr("Could not send a request to the worker spawner: %1")
                                                                     .arg(errnoText(sendError));
        return false;
    }
    ++m_inFlight;
    return true;
}

std::optional<qint64> Spawner::takeAnswer(QString* error)
{
    Q_ASSERT(m_inFlight > 0);
    if (m_reaped) {
        --m_inFlight;
        *error = tr("The worker spawner is gone.");
        return 0;
    }
    auto bytes = SpawnChannel::receive(m_socket);
    if (!bytes) {
        --m_inFlight;
        *error = errno == 0 || errno == ECONNRESET
            ? describeEnd()
            : tr("Could not read from the worker spawner: %1").arg(errnoText(errno));
        return 0;
    }
    if (!m_ready) {
        // The first message says whether it could set itself up; anything but Ready is the reason why not.
        if (*bytes != SpawnChannel::Ready) {
            --m_inFlight;
            *error = tr("The worker program '%1' could not act as spawner: %2").arg(m_program, QString::fromUtf8(*bytes));
            return 0;
        }
        m_ready = true;
        return std::nullopt;
    }
    --m_inFlight;
    SpawnReply reply;
    if (bytes->size() != qsizetype(sizeof reply)) {
        *error = tr("The worker spawner sent a malformed answer.");
        return 0;
    }
    std::memcpy(&reply, bytes->constData(), sizeof reply);
    if (reply.pid <= 0) {
        *error = tr("The worker spawner could not create the worker: %1").arg(errnoText(reply.error));
        return 0;
    }
    return reply.pid;
}

qint64 Spawner::receivePid(QString* error)
{
    for (;;) {
        pollfd readable {m_socket, POLLIN, 0};
        int ready;
        do {
            ready = m_reaped ? 1 : ::poll(&readable, 1, AnswerTimeoutMs);
        } while (ready < 0 && errno == EINTR);
        if (ready == 0) {
            --m_inFlight;
            *error = tr("The worker spawner (pid %1) did not answer within %2 ms.").arg(m_pid).arg(AnswerTimeoutMs);
            return 0;
        }
        if (const auto answer = takeAnswer(error))
            return *answer;
    }
}

QString Spawner::describeEnd()
{
    // Its socket is closed, so it has exited or is about to; SIGKILL makes sure the wait cannot hang, and
    // is not seen in the status when it has ended by itself.
    int status = 0;
    if (!m_reaped)
        ::kill(pid_t(m_pid), SIGKILL);
    if (!m_reaped && reapBlocking(pid_t(m_pid), &status) == pid_t(m_pid)) {
        m_reaped = true;
        if (WIFSIGNALED(status)) {
            return tr("The worker spawner (pid %1) was killed by signal %2 (%3).")
                .arg(m_pid)
                .arg(WTERMSIG(status))
                .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
        }
        if (WIFEXITED(status))
            return tr("The worker spawner (pid %1) exited with code %2.").arg(m_pid).arg(WEXITSTATUS(status));
    }
    return tr("The worker spawner (pid %1) ended unexpectedly.").arg(m_pid);
}

} // namespace ProcViz
