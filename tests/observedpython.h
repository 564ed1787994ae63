// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetryrecord.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QStringList>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

/// A record as the engine would receive it: with the pid the kernel vouches for on its connection.
struct ReceivedRecord
{
    ProcViz::TelemetryRecord record;
    pid_t peer = 0; ///< SO_PEERCRED of the connection it came on
};

/// What a Python program run under the observer did: every record, its output, how it ended, and every
/// breach of the contract the transport itself can see.
struct ObservedRun
{
    pid_t pid = 0; ///< the program's main process
    std::vector<ReceivedRecord> records;
    QStringList problems;
    QByteArray out;
    QByteArray err;
    int status = -1; ///< as waitpid() gives it
    int connections = 0;

    std::vector<ProcViz::TelemetryRecord> ofKind(ProcViz::RecordKind kind, pid_t pid = 0) const
    {
        std::vector<ProcViz::TelemetryRecord> found;
        for (const auto& received : records) {
            if (received.record.recordKind() == kind && (pid == 0 || received.record.pid == pid))
                found.push_back(received.record);
        }
        return found;
    }
};

/// Runs Debian's /usr/bin/python3 on a program with the observer first on PYTHONPATH and $PROCVIZ_TELEMETRY
/// naming an abstract SOCK_SEQPACKET socket this side listens on, as the engine will; collects until the
/// program and every process that connected are gone.
class ObservedPython
{
public:
    static constexpr const char* Python = "/usr/bin/python3";

    /// Called now and then while the main process runs, with what has come so far.
    using WhileRunning = std::function<void(const ObservedRun& sofar)>;

    /// What $PROCVIZ_TELEMETRY says: the socket this side listens on, nothing, or a socket nobody listens on.
    enum class Telemetry { Listening, Unset, Unreachable };

    /// @p pythonPath: the observer's folder, and what else the program needs after it (':'-separated).
    explicit ObservedPython(QByteArray pythonPath)
        : m_pythonPath(std::move(pythonPath))
    { }

    ObservedRun run(const QStringList& arguments, Telemetry telemetry = Telemetry::Listening,
        const WhileRunning& whileRunning = {}, int timeoutMs = 120'000) const
    {
        ObservedRun result;
        static int runs = 0;
        const QByteArray name = "procviz-test-" + QByteArray::number(getpid()) + '-' + QByteArray::number(++runs);
        const int listener = listen(name);
        if (listener < 0) {
            result.problems << QStringLiteral("cannot listen: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return result;
        }
        int out[2];
        int err[2];
        if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
            qFatal("pipe2: %s", strerror(errno));
        // Only this side's ends: the program's stdout stays blocking, as it would be.
        fcntl(out[0], F_SETFL, O_NONBLOCK);
        fcntl(err[0], F_SETFL, O_NONBLOCK);
        const QByteArray variable = telemetry == Telemetry::Listening ? '@' + name
            : telemetry == Telemetry::Unreachable                    ? '@' + name + "-nobody"
                                                                      : QByteArray();
        result.pid = spawn(arguments, variable, out[1], err[1]);
        ::close(out[1]);
        ::close(err[1]);
        collect(result, listener, out[0], err[0], whileRunning, timeoutMs);
        ::close(listener);
        return result;
    }

private:
    static int listen(const QByteArray& name)
    {
        const int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path + 1, name.constData(), size_t(name.size())); // sun_path[0] = 0: abstract
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
        if (fd < 0 || bind(fd, reinterpret_cast<const sockaddr*>(&address), length) != 0 || ::listen(fd, 64) != 0)
            return -1;
        return fd;
    }

    pid_t spawn(const QStringList& arguments, const QByteArray& telemetry, int out, int err) const
    {
        QList<QByteArray> environment;
        for (char** entry = environ; *entry; ++entry) {
            const QByteArray variable(*entry);
            if (!variable.startsWith("PYTHONPATH=") && !variable.startsWith("PROCVIZ_TELEMETRY="))
                environment << variable;
        }
        environment << "PYTHONPATH=" + m_pythonPath;
        if (!telemetry.isEmpty())
            environment << "PROCVIZ_TELEMETRY=" + telemetry;
        QList<QByteArray> argv {Python};
        for (const auto& argument : arguments)
            argv << argument.toLocal8Bit();
        std::vector<char*> argvPointers;
        std::vector<char*> environmentPointers;
        for (auto& argument : argv)
            argvPointers.push_back(argument.data());
        argvPointers.push_back(nullptr);
        for (auto& variable : environment)
            environmentPointers.push_back(variable.data());
        environmentPointers.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        // A group of its own, so a run that hangs can be killed whole, children included.
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        pid_t pid = 0;
        const int error
            = posix_spawn(&pid, Python, &actions, &attributes, argvPointers.data(), environmentPointers.data());
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        if (error != 0)
            qFatal("posix_spawn %s: %s", Python, strerror(error));
        return pid;
    }

    struct Connection
    {
        int fd;
        pid_t peer;
        int received = 0;
    };

    static void collect(
        ObservedRun& result, int listener, int out, int err, const WhileRunning& whileRunning, int timeoutMs)
    {
        std::vector<Connection> connections;
        bool reaped = false;
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            std::vector<pollfd> watched {{listener, POLLIN, 0}, {out, POLLIN, 0}, {err, POLLIN, 0}};
            for (const auto& connection : connections)
                watched.push_back({connection.fd, POLLIN, 0});
            ::poll(watched.data(), nfds_t(watched.size()), 20);
            acceptAll(result, listener, connections);
            readOutput(out, result.out);
            readOutput(err, result.err);
            for (auto& connection : connections)
                receiveAll(result, connection);
            std::erase_if(connections, [](const Connection& connection) { return connection.fd < 0; });
            if (!reaped && waitpid(result.pid, &result.status, WNOHANG) == result.pid)
                reaped = true;
            if (!reaped && whileRunning)
                whileRunning(result);
            // Done once the program is reaped, its output closed, and every process that connected is gone
            // (a process's connection closes as it exits; the helpers outlive the main program a little).
            if (reaped && out < 0 && err < 0 && connections.empty() && !pending(listener))
                return;
            if (clock.elapsed() > timeoutMs) {
                result.problems << QStringLiteral("timed out: killed");
                kill(-result.pid, SIGKILL);
                if (!reaped)
                    waitpid(result.pid, &result.status, 0);
                for (const auto& connection : connections)
                    ::close(connection.fd);
                for (const int fd : {out, err}) {
                    if (fd >= 0)
                        ::close(fd);
                }
                return;
            }
        }
    }

    static bool pending(int listener)
    {
        pollfd watched {listener, POLLIN, 0};
        return ::poll(&watched, 1, 0) > 0;
    }

    static void acceptAll(ObservedRun& result, int listener, std::vector<Connection>& connections)
    {
        for (int fd; (fd = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0;) {
            ucred credentials {};
            socklen_t length = sizeof credentials;
            if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0)
                result.problems << QStringLiteral("no SO_PEERCRED");
            connections.push_back({fd, credentials.pid});
            ++result.connections;
        }
    }

    static void readOutput(int& fd, QByteArray& into)
    {
        if (fd < 0)
            return;
        char buffer[4096];
        for (;;) {
            const auto got = ::read(fd, buffer, sizeof buffer);
            if (got > 0) {
                into.append(buffer, got);
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EINTR))
                return;
            ::close(fd); // the end, or an error that means it
            fd = -1;
            return;
        }
    }

    static void receiveAll(ObservedRun& result, Connection& connection)
    {
        using namespace ProcViz;
        char packet[256];
        for (;;) {
            const auto got = recv(connection.fd, packet, sizeof packet, MSG_DONTWAIT);
            if (got < 0 && (errno == EAGAIN || errno == EINTR))
                return;
            if (got <= 0) {
                ::close(connection.fd);
                connection.fd = -1;
                return;
            }
            if (got != ssize_t(sizeof(TelemetryRecord))) {
                result.problems << QStringLiteral("a packet of %1 bytes from %2").arg(got).arg(connection.peer);
                continue;
            }
            TelemetryRecord record;
            std::memcpy(&record, packet, sizeof record);
            const auto where = QStringLiteral("kind %1 from %2").arg(record.kind).arg(connection.peer);
            if (!record.isValid())
                result.problems << QStringLiteral("invalid record: ") + where;
            if (record.pid != connection.peer)
                result.problems << QStringLiteral("pid %1 on the connection of ").arg(record.pid) + where;
            const bool isProcess = record.recordKind() == RecordKind::Process;
            if (isProcess != (connection.received == 0))
                result.problems << QStringLiteral("Process is not exactly the first record: ") + where;
            ++connection.received;
            result.records.push_back({record, connection.peer});
        }
    }

    QByteArray m_pythonPath;
};
