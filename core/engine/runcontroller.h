// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/runmodel.h"
#include "runoptions.h"
#include "scenario/scenario.h"
#include "watchdog.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

namespace ProcViz {

class ObserverChannel;
class PhaseLauncher;

/// A run as it will go: the scenario, its parameters checked and complete, and the phases it planned.
struct RunPlan
{
    const Scenario* scenario = nullptr;
    QVariantMap params;
    QList<Phase> phases;
};
class Spawner;
class TrackedProcess;
class WorkerProcess;

/// Runs one scenario at a time as real worker processes and records everything they do in a RunModel.
///
/// Each run starts one Spawner (procviz-worker started with posix_spawn; this Qt process is never forked),
/// which creates the workers as children of this process, in a session of the spawner's own; each
/// worker is reaped by its PID through a pidfd: the engine records every end itself (exit code or signal)
/// instead of trusting a dying child to report it. /proc/<pid>/stat is sampled at 15 Hz (50 Hz in a run's
/// first half second), and once more at each worker's start and end. Must be used from
/// the thread it lives in: workers die with that thread (PR_SET_PDEATHSIG).
class RunController : public QObject
{
    Q_OBJECT
public:
    static constexpr int SampleIntervalMs = 66;
    /// A run's first half second is sampled this often, so even a short run draws its shape.
    static constexpr int FirstSampleIntervalMs = 20;
    static constexpr qint64 FirstSamplingNs = 500'000'000;
    static constexpr int StopGraceMs = 300; ///< from SIGTERM to SIGKILL on stop()
    /// `--kill holder` looks this often, this far apart, for a worker inside its section before giving up.
    static constexpr int HolderAttempts = 50;
    static constexpr int HolderRetryMs = 10;
    /// A program (the Python runtime) that creates more processes than this ends at a limit: a fork bomb is
    /// stopped, not followed.
    static constexpr int MaxProgramProcesses = 64;

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override; ///< kills and reaps whatever is still running, synchronously

    /// Where procviz-worker is; by default $PROCVIZ_WORKER, else next to the application.
    void setWorkerProgram(const QString& path);
    QString workerProgram() const;

    /// Resolves @p params against the scenario's table and its own rules, and checks that every fault
    /// targets a worker the run will have; empty string when fine.
    /// Checks and plans a run once: nothing and @p error set when the scenario, a parameter, the plan or an
    /// option is wrong (the message names it and what it allows).
    static std::optional<RunPlan> prepare(
        const QString& scenarioId, const QVariantMap& params, const RunOptions& options, QString* error);
    static QString check(const QString& scenarioId, const QVariantMap& params, QVariantMap* resolved = nullptr,
        const RunOptions& options = {});

    /// Checks everything first: on any error emits failed() and returns false, having spawned no worker.
    /// Also false when the first phase could not be spawned (whatever had started is killed and reaped).
    bool start(const QString& scenarioId, const QVariantMap& params, const RunOptions& options = {});
    void stop(); ///< SIGTERM to every worker, SIGKILL after StopGraceMs; later phases are skipped
    void pause(); ///< SIGSTOP to every worker
    void resume(); ///< SIGCONT to every worker
    bool kill(int workerId); ///< SIGKILL to one worker
    /// Sends one line to a worker's standard input (e.g. a chat message for the pipe scenario's sender);
    /// false when that worker is gone or its input is full.
    bool sendInput(int workerId, const QByteArray& line);

    /// Where the controller stands: between runs, running, paused by the user, or ending after a stop.
    enum class State
    {
        Idle,
        Running,
        Paused,
        Stopping,
    };
    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    bool isPaused() const { return m_state == State::Paused; }
    const RunModel& model() const { return m_model; }

Q_SIGNALS:
    void started(const QString& scenarioId);
    void phaseStarted(int phase, const QString& name);
    void workerStarted(int workerId, qint64 pid);
    void workerExited(int workerId);
    /// A line the program printed (the Python runtime): on its standard error when @p error.
    void outputLine(bool error, const QString& line);
    void paused();
    void resumed();
    /// The run is over and its result and checks are in the model. A Deadlock or Limit outcome has its cause
    /// in the model's cause(); Failed comes after failed(), with the reason. (In a QVariant the outcome
    /// converts to its id string.)
    void finished(ProcViz::Outcome outcome);
    void failed(const QString& message);

private:
    /// Starts launching the phase's workers; false (after failed() and finished("failed")) when not even
    /// the first could be asked for. Later failures end the run the same way, from onPhaseLaunched().
    bool startPhase(int phase);
    void adoptWorker(int phaseIndex, const WorkerSpec& spec, std::unique_ptr<WorkerProcess> process);
    /// Follows @p process as the model's worker @p id, which it must be next in line for.
    void track(int id, std::unique_ptr<TrackedProcess> process);
    // The Python runtime: every process of the program reports through the observer's channel.
    void onObserved();
    /// A process of the program the engine has not met yet: its lane, and a pidfd to watch it. -1 if refused.
    int adoptObserved(qint64 pid, const TelemetryRecord& first);
    void reportExit(qint64 pid, int status, qint64 whenNs);
    /// The program's main process ended badly: the run could not be carried out, and its traceback says why.
    void blameProgram();
    void onPhaseLaunched(const QString& error);
    void endPhaseIfOver(); ///< every worker of the phase exists and has ended: the next phase, or the end
    void failRun(const QString& error);
    void onTelemetry(int workerId);
    void onDied(int workerId);
    void onExited(int workerId);
    void sample();
    void sampleRunValues(qint64 monotonicNs); ///< the run-wide values (e.g. the shared counter), into the model
    void finishRun(Outcome outcome);
    void signalWorkers(int signal); ///< to every worker not yet reaped
    void applyFault(const FaultAction& fault, int attempt = 0);
    QList<qint64> holdersWhileStopped();
    void declareDeadlock();
    bool cpuLimitHit(); ///< some worker died of SIGXCPU; sets the model's cause
    void killAllNow();
    bool ending() const; ///< stopped by the user or by the watchdog: no more joins after a delay
    void joinAllNow();
    TrackedProcess* process(int workerId) const;

    QString m_workerProgram;
    const Scenario* m_scenario = nullptr;
    QVariantMap m_params;
    QList<Phase> m_plan;
    std::unique_ptr<RunResources> m_resources;
    std::unique_ptr<Spawner> m_spawner; ///< from start() until the last phase has been spawned
    std::unique_ptr<PhaseLauncher> m_launcher; ///< the current phase's; uses m_spawner
    bool m_phaseLaunched = false; ///< every worker of the current phase exists
    int m_runNumber = 0;
    std::vector<std::unique_ptr<TrackedProcess>> m_processes; ///< index = worker id
    QHash<qint64, int> m_workerByPid;
    std::unique_ptr<ObserverChannel> m_observer; ///< the Python runtime's; nullptr for C++ workers
    /// Exit statuses reported before their process's own first report (connections race): pid → (status, when).
    QHash<qint64, std::pair<int, qint64>> m_earlyExits;
    int m_observedCount = 0; ///< the program's own processes so far, the main one not counted
    int m_observedWorkers = 0; ///< of them, the workers (not the forkserver or resource tracker)
    int m_currentPhase = -1;
    State m_state = State::Idle;
    /// Decided before the workers have ended: the watchdog's Deadlock or the time limit's Limit.
    std::optional<Outcome> m_endingAs;
    int m_cpuLimitSeconds = RunOptions::DefaultCpuLimitSeconds;
    int m_workerNice = 0;
    Watchdog m_watchdog;
    std::unique_ptr<QObject> m_faultTimers; ///< parent of this run's fault timers; deleting it cancels them
    RunModel m_model;
    QTimer m_sampleTimer;
    QTimer m_stopTimer;
};

} // namespace ProcViz
