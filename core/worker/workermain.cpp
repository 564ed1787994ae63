// SPDX-License-Identifier: GPL-3.0-or-later
#include "workermain.h"

#include "scenario/scenarioregistry.h"
#include "telemetry/telemetrywriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr int UsageError = 64;
constexpr int ParentGone = 71;
constexpr int CannotExec = 127; ///< as a shell says of a command it cannot run

int usage(const char* problem)
{
    std::fprintf(stderr,
        "procviz-worker: %s\n"
        "This program is started by ProcViz for each worker process; run 'procviz --help' instead.\n",
        problem);
    return UsageError;
}
} // namespace

int workerMain(int argc, char** argv)
{
    // Die with the engine: SIGKILL when the parent thread goes, and a check for the case where it
    // already went between our spawn and this call (the signal would then never come).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const auto parent = qEnvironmentVariableIntValue("PROCVIZ_PARENT_PID");
    if (parent > 0 && getppid() != parent)
        return ParentGone;
    // The engine's CPU-time limit: past it the kernel sends SIGXCPU, and the engine reports the limit.
    if (const auto limit = qEnvironmentVariableIntValue("PROCVIZ_CPU_LIMIT_S"); limit > 0) {
        const rlimit cpu {rlim_t(limit), rlim_t(limit) + 1};
        setrlimit(RLIMIT_CPU, &cpu);
    }
    // `--exec PROGRAM ARGS...`: a program of the lesson's own (the Python runtime's interpreter) runs in this
    // process, keeping what was set up above (dying with the engine, the CPU-time limit, the nice value and
    // the descriptors the engine handed over) across the exec.
    if (argc >= 3 && qstrcmp(argv[1], "--exec") == 0) {
        // The program reports its own way; the telemetry pipe must not leak into it and its children, or the
        // engine would wait for an end of file that never comes while any of them lives.
        if (const int telemetry = qEnvironmentVariableIntValue(TelemetryWriter::FdVariable); telemetry > STDERR_FILENO)
            ::close(telemetry);
        execv(argv[2], argv + 2);
        std::fprintf(stderr, "procviz-worker: cannot run %s: %s\n", argv[2], strerror(errno));
        return CannotExec;
    }
    // A write to a closed channel then fails with EPIPE, which TelemetryWriter turns into a quiet exit.
    std::signal(SIGPIPE, SIG_IGN);

    if (argc != 4)
        return usage("expected arguments: <scenario> <role> <index>");
    const auto* scenario = ScenarioRegistry::instance().find(QString::fromUtf8(argv[1]));
    if (!scenario)
        return usage("unknown scenario");
    const auto role = QString::fromUtf8(argv[2]);
    if (!scenario->roles().contains(role))
        return usage("unknown role for this scenario");
    bool indexOk = false;
    const int index = QByteArray(argv[3]).toInt(&indexOk);
    if (!indexOk || index < 0)
        return usage("the index must be a non-negative integer");
    bool fdOk = false;
    const int fd = qEnvironmentVariable(TelemetryWriter::FdVariable).toInt(&fdOk);
    if (!fdOk || fcntl(fd, F_GETFD) < 0)
        return usage("no telemetry channel: PROCVIZ_TELEMETRY_FD is not an open descriptor");
    // Anything this worker might start must not hold the channel open after the worker itself is gone.
    fcntl(fd, F_SETFD, FD_CLOEXEC);

    const auto params = QJsonDocument::fromJson(qgetenv("PROCVIZ_PARAMS")).object().toVariantMap();
    const TelemetryWriter telemetry(fd);
    return scenario->runWorker({role, index, params, telemetry});
}

} // namespace ProcViz
