// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetrydecoder.h"
#include "trackedprocess.h"

#include <QMap>
#include <QSocketNotifier>
#include <QTimer>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ProcViz {

class Spawner;

/// One running procviz-worker: its PID, the read end of its telemetry pipe and a pidfd that tells when it ends.
///
/// The engine reaps by this PID only (wait4 on it, never waitpid(-1)), so ProcViz can live in a process
/// that has other children. Destroying a live WorkerProcess kills and reaps it before returning.
class WorkerProcess : public TrackedProcess
{
    Q_OBJECT
public:
    /// The fixed descriptor number the telemetry pipe has inside the worker.
    static constexpr int TelemetryFd = 3;

    struct Launch
    {
        QString program; ///< its file name is the worker's argv[0]
        QString scenario;
        QString role;
        int index = 0;
        QByteArray paramsJson;
        QMap<QString, QString> environment;
        int nice = 0; ///< 0: the app's own
        /// Extra descriptors for the worker: (descriptor here, number in the worker), e.g. a pipe's end.
        QList<std::pair<int, int>> descriptors;
        /// When set, the worker runs this program instead of the scenario's body (`--exec`): its path, then
        /// its arguments.
        QStringList exec;
    };

    /// Descriptor numbers below this are the worker's to receive; the engine's own copies go above it.
    static constexpr int FirstFreeDescriptor = 64;

    /// A worker asked of the spawner and not yet created: the engine's ends of its pipes.
    struct Requested
    {
        int telemetryFd = -1;
        int inputFd = -1;
    };
    /// Asks @p spawner for the worker; complete() (or abandon()) must follow, in the order of the requests.
    static std::optional<Requested> request(const Launch& launch, Spawner& spawner, QString* error);
    /// Takes over the worker the spawner answered with, @p pid, a child of this process; nullptr and @p error
    /// set when it cannot be watched (it is killed and reaped then).
    static std::unique_ptr<WorkerProcess> complete(const Requested& requested, qint64 pid, QString* error);
    /// Gives back the descriptors of a request that will never be completed.
    static void abandon(const Requested& requested);
    ~WorkerProcess() override;

    void setJoinDelayMs(int ms) override { m_joinDelayMs = ms; }
    void joinNow() override;
    bool sendSignal(int signal) const override;
    void killNow() override;
    /// Writes to the worker's standard input (a pipe from the engine); false if it would block or it is gone.
    bool writeInput(QByteArrayView bytes) const override;
    quint64 takeMalformedCount() override;

private:
    WorkerProcess(qint64 pid, int telemetryFd, int inputFd, int pidFd);
    void readTelemetry();
    void drainTelemetry(bool workerGone);
    void onPidFdReadable();
    bool reap(int flags);
    void closeTelemetry();

    int m_telemetryFd;
    int m_inputFd; ///< write end of the worker's standard input
    int m_pidFd;
    std::unique_ptr<QSocketNotifier> m_telemetryNotifier;
    std::unique_ptr<QSocketNotifier> m_exitNotifier;
    TelemetryDecoder m_decoder;
    quint64 m_malformedReported = 0;
    int m_joinDelayMs = 0;
    std::unique_ptr<QTimer> m_joinTimer;
};

} // namespace ProcViz
